using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Scenarios.Strings;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Scenarios.Archive;

/// <summary>
/// Turns composed scenario lines into tracev3 records: each actor gets its process (catalog entry) and a uuidtext file
/// for its main executable on first use; lines logged from shared-cache frameworks put their format strings in the
/// shared-cache strings file. The files' UUIDs derive from <paramref name="scenarioName"/>, so the same scenario gives
/// the same bytes.
/// </summary>
public sealed class ScenarioRecordBuilder(string scenarioName, AppProfile app, DscWriter sharedCache)
{
    private readonly Dictionary<ScenarioActor, UuidtextWriter> _mains = [];
    private readonly Dictionary<ScenarioActor, TraceProcess> _processes = [];

    /// <summary>The shared-cache strings file the framework lines use.</summary>
    public DscWriter SharedCache => sharedCache;

    /// <summary>The uuidtext files of the actors seen so far, in first-use order.</summary>
    public IEnumerable<UuidtextWriter> MainExecutables => _mains.Values;

    /// <summary>The record of <paramref name="line"/> logged at Mach continuous time <paramref name="machTime"/>.</summary>
    public TraceRecord Record(ScenarioLine line, ulong machTime)
    {
        var actor = ActorProcess.For(line.Format.Actor, app);
        if (!_mains.TryGetValue(line.Format.Actor, out var main))
        {
            main = new UuidtextWriter(NameUuid.From($"{scenarioName}/{actor.ExecutablePath}"), actor.ExecutablePath);
            _mains[line.Format.Actor] = main;
            _processes[line.Format.Actor] = new TraceProcess((uint)actor.ProcessId, actor.EffectiveUserId, actor.FirstProcId, actor.SecondProcId, main.Uuid, sharedCache.Uuid);
        }

        var process = _processes[line.Format.Actor];
        uint formatOffset, pc;
        var shared = line.Format.Image != SenderImage.MainExecutable;
        if (shared)
        {
            var path = SharedCacheImages.PathOf(line.Format.Image);
            var image = sharedCache.AddImage(NameUuid.From($"{scenarioName}/{path}"), path);
            formatOffset = (uint)sharedCache.Add(image, line.Format.Format);
            pc = image.ProgramCounter(0x1000 + (uint)(line.Format.Format.Length * 4));
        }
        else
        {
            formatOffset = main.Add(line.Format.Format);
            pc = 0x1000 + (uint)(line.Format.Format.Length * 4);
        }

        return new TraceRecord
        {
            Process = process,
            ThreadId = actor.ThreadId,
            MachTime = machTime,
            LogType = line.Format.LogType,
            FormatOffset = formatOffset,
            FromSharedCache = shared,
            ProgramCounter = pc,
            SubsystemId = process.Subsystem(line.Format.Subsystem, line.Format.Category),
            Arguments = line.Arguments,
        };
    }
}
