using System.Formats.Tar;
using System.IO.Compression;
using CallKitDoctor.Diagnosis;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Tests.Scenarios;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Scenarios.Tests.Samples;

/// <summary>
/// The sysdiagnose shipped in <c>samples/</c> is the writer's output for the seed production scenario, small enough to
/// commit, and once extracted its logarchive reads and diagnoses like the text sample.
/// </summary>
public class SysdiagnoseSampleTests
{
    private static string Extract(Stream tarGz, string folder)
    {
        using var gzip = new GZipStream(tarGz, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: false);
        return folder;
    }

    [Fact]
    public void TheShippedSampleIsWhatTheWriterProducesToday()
    {
        using var fresh = new MemoryStream();
        SysdiagnoseBuilder.WriteTarGz(SampleSysdiagnose.Scenario, fresh);

        var shipped = File.ReadAllBytes(SampleSysdiagnose.PathInRepository);

        Assert.InRange(shipped.Length, 1, 64 * 1024);
        Assert.Equal(fresh.ToArray(), shipped);
    }

    [Fact]
    public void TheArchiveHasTheSysdiagnoseLayout()
    {
        using var folder = new TempFolder();
        using (var stream = File.OpenRead(SampleSysdiagnose.PathInRepository))
        {
            Extract(stream, folder.Path);
        }

        var root = Assert.Single(Directory.GetDirectories(folder.Path));
        Assert.Equal("sysdiagnose_2025.10.23_16-02-10+1100_iPhone-OS_iPhone_22E252", Path.GetFileName(root));
        var plist = File.ReadAllText(Path.Combine(root, "logs", "SystemVersion", "SystemVersion.plist"));
        Assert.Contains("<key>ProductBuildVersion</key>\n\t<string>22E252</string>", plist, StringComparison.Ordinal);
        Assert.Contains("<string>18.4.1</string>", plist, StringComparison.Ordinal);
        var archive = Path.Combine(root, "system_logs.logarchive");
        Assert.True(File.Exists(Path.Combine(archive, "Info.plist")));
        Assert.Single(Directory.GetFiles(Path.Combine(archive, "Persist"), "*.tracev3"));
        Assert.Single(Directory.GetFiles(Path.Combine(archive, "timesync"), "*.timesync"));
        Assert.Single(Directory.GetFiles(Path.Combine(archive, "dsc")));
    }

    [Fact]
    public void TheExtractedLogArchiveDiagnosesLikeTheTextSample()
    {
        using var folder = new TempFolder();
        using (var stream = File.OpenRead(SampleSysdiagnose.PathInRepository))
        {
            Extract(stream, folder.Path);
        }

        var archive = Path.Combine(Assert.Single(Directory.GetDirectories(folder.Path)), "system_logs.logarchive");
        var diagnoser = CallDiagnoser.CreateDefault();
        var source = LogSources.Open(archive);

        var fromArchive = diagnoser.Diagnose(source);
        var fromText = diagnoser.Diagnose(LogSources.Open(RepositoryRoot.PathOf("samples", "seed-production-failure.log")));

        Assert.Empty(source.Summary.Issues);
        Assert.Equal(LogInputFormat.Unified, source.Summary.Format);
        Assert.Equal(37, source.Summary.Entries);
        Assert.Equal(SeedProductionScenarioTests.Findings(fromText), SeedProductionScenarioTests.Findings(fromArchive));
        Assert.Equal(3, fromArchive.Calls.Count);
    }

    /// <summary>Rewrites the shipped sample: <c>CALLKIT_DOCTOR_REGENERATE_SAMPLES=1 dotnet test --filter Category=Generator</c>.</summary>
    [SkippableFact]
    [Trait("Category", "Generator")]
    public void RegenerateTheSample()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("CALLKIT_DOCTOR_REGENERATE_SAMPLES") == "1",
            "set CALLKIT_DOCTOR_REGENERATE_SAMPLES=1 to rewrite samples/" + SampleSysdiagnose.FileName);

        SysdiagnoseBuilder.WriteTarGz(SampleSysdiagnose.Scenario, SampleSysdiagnose.PathInRepository);

        Assert.True(new FileInfo(SampleSysdiagnose.PathInRepository).Length > 0);
    }
}
