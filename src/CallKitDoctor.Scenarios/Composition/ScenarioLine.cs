using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Scenarios.Composition;

/// <summary>One log line of a composed scenario: when, which format, with which arguments.</summary>
public sealed record ScenarioLine(DateTimeOffset Time, LogFormat Format, IReadOnlyList<TraceArgument> Arguments);
