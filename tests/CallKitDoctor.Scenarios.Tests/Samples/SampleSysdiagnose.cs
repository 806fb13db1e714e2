using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Scenarios.Tests.Samples;

/// <summary>Where the shipped sysdiagnose sample of the seed production flow lives.</summary>
internal static class SampleSysdiagnose
{
    public static CallScenario Scenario => SeedScenarios.Production();

    public static string FileName => SysdiagnoseBuilder.FolderName(Scenario) + ".tar.gz";

    public static string PathInRepository => RepositoryRoot.PathOf("samples", FileName);
}
