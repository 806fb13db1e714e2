namespace CallKitDoctor.Fleet.Engine;

/// <summary>Calls on one UTC day with one value of a column.</summary>
public sealed record DayValueCount(DateOnly Date, string? Value, long Calls);
