namespace CallKitDoctor.Scenarios.Composition;

/// <summary>
/// A format string as one process logs it: who logs it (actor and sender image), the subsystem and category of its
/// log handle, its level (log type byte) and the exact os_log format string.
/// </summary>
public sealed record LogFormat(ScenarioActor Actor, SenderImage Image, string Subsystem, string Category, byte LogType, string Format);
