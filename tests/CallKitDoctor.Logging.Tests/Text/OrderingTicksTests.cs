using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Tests.Text;

/// <summary>
/// <see cref="LogTimestamp.OrderingTicks"/> is read for every timed line (coverage, episode cuts): computed from the
/// stored fields, it must stay the instant's UTC ticks with an offset and the local ticks without.
/// </summary>
public class OrderingTicksTests
{
    [Fact]
    public void OrderingTicksAreUtcTicksWithAnOffsetAndLocalTicksWithout()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 10_000; i++)
        {
            var local = new DateTime(2000, 1, 1).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 40));
            var minutes = random.Next(-14 * 60, (14 * 60) + 1);
            var offset = TimeSpan.FromMinutes(minutes);
            var withOffset = new LogTimestamp(local, offset, hasDate: i % 3 != 0, subTickNanoseconds: i % 100);
            var withoutOffset = new LogTimestamp(local, null, hasDate: i % 2 == 0);

            Assert.Equal(local.Ticks - offset.Ticks, withOffset.OrderingTicks);
            Assert.Equal(new DateTimeOffset(local, offset).UtcTicks, withOffset.OrderingTicks);
            Assert.Equal(local.Ticks, withoutOffset.OrderingTicks);
        }
    }
}
