using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>A background process of the benchmark archive: its catalog entry, threads, subsystems and format strings.</summary>
internal sealed record NoiseProcess(TraceProcess Trace, ulong[] Threads, ushort[] SubsystemIds, NoiseFormat[] Formats);
