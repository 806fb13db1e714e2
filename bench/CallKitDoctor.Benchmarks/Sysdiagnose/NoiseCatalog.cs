using System.Globalization;
using System.Text;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Strings;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>
/// The background chatter of a busy phone: many processes, each with its own format strings (in its uuidtext file)
/// and strings of shared-cache frameworks (in the dsc file), several subsystems and threads. <see cref="Next"/> draws
/// one record with arguments that vary as real ones do (counters, addresses, identifiers, redacted objects).
/// </summary>
internal sealed class NoiseCatalog
{
    private static readonly string[] Daemons =
    [
        "locationd", "wifid", "bluetoothd", "dasd", "symptomsd", "mediaserverd", "assertiond", "runningboardd", "backboardd",
        "configd", "mDNSResponder", "apsd", "identityservicesd", "imagent", "nsurlsessiond", "cloudd", "bird", "searchd",
        "healthd", "powerd", "thermalmonitord", "CommCenter", "kernel", "sharingd", "rapportd", "nearbyd", "UserEventAgent",
        "trustd", "securityd", "lsd", "fseventsd", "coreduetd", "duetexpertd", "locationpushd", "mobileassetd", "akd",
        "accountsd", "itunesstored", "appstored", "nehelper", "networkd", "wirelessproxd", "audioaccessoryd", "routined",
    ];

    private static readonly string[] Verbs =
    [
        "Scheduling", "Evaluating", "Received", "Updating", "Resolved", "Dropping", "Registered", "Invalidated", "Starting",
        "Finished", "Deferring", "Coalescing", "Publishing", "Observed", "Rejected", "Accepted", "Refreshing", "Pruning",
    ];

    private static readonly string[] Nouns =
    [
        "activity", "connection", "assertion", "policy", "interface", "session", "request", "timer", "lease", "scan",
        "snapshot", "context", "subscription", "descriptor", "transaction", "route", "budget", "token", "sample", "record",
    ];

    private static readonly (string Text, NoiseArgument Kind)[] Fragments =
    [
        ("state %d", NoiseArgument.Int32), ("count %lu", NoiseArgument.Int64), ("at 0x%llx", NoiseArgument.Hex64),
        ("id %{public}s", NoiseArgument.PublicString), ("for %@", NoiseArgument.PrivateObject), ("with %{public}@", NoiseArgument.PublicObject),
        ("pid %d", NoiseArgument.Int32), ("after %lu ms", NoiseArgument.Int64), ("reason %{public}s", NoiseArgument.PublicString),
        ("flags 0x%llx", NoiseArgument.Hex64), ("client %@", NoiseArgument.PrivateObject), ("key %{public}s", NoiseArgument.PublicString),
    ];

    private static readonly string[] Categories = ["default", "general", "xpc", "state", "network", "power", "daemon", "client"];

    private readonly string[] _tokens;
    private readonly List<NoiseProcess> _processes = [];
    private readonly List<UuidtextWriter> _uuidtexts = [];

    public NoiseCatalog(Random random, DscWriter sharedCache, int processes, int formatsPerProcess, int frameworks, int formatsPerFramework)
    {
        _tokens = [.. Enumerable.Range(0, 8192).Select(_ => Token(random))];
        var shared = new List<NoiseFormat>();
        for (var f = 0; f < frameworks; f++)
        {
            var path = $"/System/Library/PrivateFrameworks/Noise{f:D3}.framework/Noise{f:D3}";
            var image = sharedCache.AddImage(NameUuid.From("bench/" + path), path);
            for (var i = 0; i < formatsPerFramework; i++)
            {
                var (format, arguments) = Compose(random, $"[{f:D3}.{i:D3}] ");
                var offset = (uint)sharedCache.Add(image, format);
                shared.Add(new NoiseFormat(format, arguments, true, offset, image.ProgramCounter(0x1000 + ((uint)i * 16))));
            }
        }

        for (var p = 0; p < processes; p++)
        {
            var name = p < Daemons.Length ? Daemons[p] : $"{Daemons[p % Daemons.Length]}-helper{p / Daemons.Length}";
            var path = (p % 3 == 0 ? "/usr/libexec/" : "/usr/sbin/") + name;
            var main = new UuidtextWriter(NameUuid.From("bench/" + path), path);
            _uuidtexts.Add(main);
            var trace = new TraceProcess((uint)(60 + (p * 17)), (uint)(p % 4 == 0 ? 0 : 501), 0x10_0000UL + (ulong)(p * 0x101), (uint)(0x2000 + p), main.Uuid, sharedCache.Uuid);
            var subsystems = Enumerable.Range(0, 1 + (p % 3))
                .Select(i => trace.Subsystem($"com.apple.{name}", Categories[(p + i) % Categories.Length]))
                .ToArray();
            var formats = new List<NoiseFormat>();
            for (var i = 0; i < formatsPerProcess; i++)
            {
                var (format, arguments) = Compose(random, $"{name}: ");
                formats.Add(new NoiseFormat(format, arguments, false, main.Add(format), 0x4000 + ((uint)i * 32)));
            }

            for (var i = 0; i < formatsPerProcess / 3; i++)
            {
                formats.Add(shared[random.Next(shared.Count)]);
            }

            var threads = Enumerable.Range(0, 1 + (p % 4)).Select(t => (ulong)(0x1000 + (p * 0x40) + t)).ToArray();
            _processes.Add(new NoiseProcess(trace, threads, subsystems, [.. formats]));
        }
    }

    /// <summary>The uuidtext files of the noise processes' executables.</summary>
    public IReadOnlyList<UuidtextWriter> Uuidtexts => _uuidtexts;

    /// <summary>Distinct format strings of the processes (their own strings; shared ones count once per framework string).</summary>
    public int FormatCount => _processes.Sum(p => p.Formats.Count(f => !f.FromSharedCache));

    /// <summary>One record at Mach time <paramref name="machTime"/> with a log type drawn from <paramref name="logTypes"/>.</summary>
    public TraceRecord Next(Random random, ulong machTime, byte[] logTypes)
    {
        // A few processes talk much more than the rest, as on a real device.
        var index = random.Next(4) == 0 ? random.Next(Math.Min(8, _processes.Count)) : random.Next(_processes.Count);
        var process = _processes[index];
        var format = process.Formats[random.Next(process.Formats.Length)];
        var arguments = new TraceArgument[format.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = format.Arguments[i] switch
            {
                NoiseArgument.Int32 => TraceArgument.Int32(random.Next(-5, 100_000)),
                NoiseArgument.Int64 => TraceArgument.Int64(random.NextInt64(0, 1L << 40)),
                NoiseArgument.Hex64 => TraceArgument.Int64(random.NextInt64()),
                NoiseArgument.PublicString => TraceArgument.CString(_tokens[random.Next(_tokens.Length)]),
                NoiseArgument.PublicObject => TraceArgument.Object(_tokens[random.Next(_tokens.Length)]),
                _ => TraceArgument.Object(string.Empty, isPrivate: true),
            };
        }

        return new TraceRecord
        {
            Process = process.Trace,
            ThreadId = process.Threads[random.Next(process.Threads.Length)],
            MachTime = machTime,
            LogType = logTypes[random.Next(logTypes.Length)],
            FormatOffset = format.Offset,
            FromSharedCache = format.FromSharedCache,
            ProgramCounter = format.ProgramCounter,
            SubsystemId = process.SubsystemIds[random.Next(process.SubsystemIds.Length)],
            Arguments = arguments,
        };
    }

    private static (string Format, NoiseArgument[] Arguments) Compose(Random random, string prefix)
    {
        var text = new StringBuilder(prefix);
        text.Append(Verbs[random.Next(Verbs.Length)]).Append(' ').Append(Nouns[random.Next(Nouns.Length)]);
        var count = random.Next(1, 5);
        var arguments = new NoiseArgument[count];
        for (var i = 0; i < count; i++)
        {
            var (fragment, kind) = Fragments[random.Next(Fragments.Length)];
            text.Append(i == 0 ? " " : ", ").Append(fragment);
            arguments[i] = kind;
        }

        return (text.ToString(), arguments);
    }

    private static string Token(Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF-_.";
        var length = random.Next(6, 40);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        if (random.Next(8) != 0)
        {
            return new string(chars);
        }

        Span<byte> uuid = stackalloc byte[16];
        random.NextBytes(uuid);
        return new Guid(uuid).ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
    }
}
