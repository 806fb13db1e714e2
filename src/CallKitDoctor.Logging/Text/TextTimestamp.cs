namespace CallKitDoctor.Logging.Text;

/// <summary>
/// A timestamp as read from a text line, before day rollover is applied: ticks of the full date-time when the
/// line showed a date, else ticks of the time of day.
/// </summary>
internal readonly record struct TextTimestamp(long Ticks, bool HasDate, TimeSpan? Offset, int SubTickNanoseconds);
