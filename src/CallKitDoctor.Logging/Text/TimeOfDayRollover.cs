using System.Runtime.CompilerServices;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Turns text timestamps into <see cref="LogTimestamp"/>s. Times without a date (Console.app copies, custom loggers)
/// get a placeholder date that advances by one day whenever the time goes back by more than twelve hours (midnight).
/// Smaller steps back are out-of-order lines of the same day (several pasted segments) and keep the day.
/// </summary>
internal sealed class TimeOfDayRollover
{
    private static readonly long HalfDay = TimeSpan.TicksPerHour * 12;
    private long _lastTimeOfDay = -1;
    private int _day;

    /// <summary>The full timestamp for a parsed text timestamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LogTimestamp Resolve(in TextTimestamp time)
    {
        if (time.HasDate)
        {
            return new LogTimestamp(new DateTime(time.Ticks), time.Offset, true, time.SubTickNanoseconds);
        }

        if (_lastTimeOfDay >= 0 && time.Ticks < _lastTimeOfDay - HalfDay)
        {
            _day++;
        }

        _lastTimeOfDay = time.Ticks;
        return new LogTimestamp(new DateTime((_day * TimeSpan.TicksPerDay) + time.Ticks), time.Offset, false, time.SubTickNanoseconds);
    }
}
