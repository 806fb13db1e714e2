namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>
/// A noise format string as a process logs it: where the string lives (the process's uuidtext or a shared-cache
/// image), its offset there, the sender program counter, and its arguments in order.
/// </summary>
internal sealed record NoiseFormat(string Format, NoiseArgument[] Arguments, bool FromSharedCache, uint Offset, uint ProgramCounter);
