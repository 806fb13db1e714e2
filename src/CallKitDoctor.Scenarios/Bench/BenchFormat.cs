namespace CallKitDoctor.Scenarios.Bench;

/// <summary>A format string of the benchmark archive and the kinds of its arguments, in order.</summary>
public sealed record BenchFormat(string Format, params BenchArgument[] Arguments);
