using System.Text.Json;
using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// The versioned signature catalog (<c>signatures.json</c>, embedded as <c>CallKitDoctor.Diagnosis.signatures.json</c>):
/// loading and validation (unique ids, known kinds and actors, compilable patterns, usable anchors, captures that exist).
/// </summary>
public sealed class SignatureCatalog
{
    /// <summary>The manifest resource name of the embedded catalog.</summary>
    public const string ResourceName = "CallKitDoctor.Diagnosis.signatures.json";

    /// <summary>Anchors shorter than this would make the pre-filter useless.</summary>
    public const int MinimumAnchorLength = 5;

    private static readonly Lazy<SignatureCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private SignatureCatalog(string version, IReadOnlyList<Signature> signatures)
    {
        Version = version;
        Signatures = signatures;
    }

    /// <summary>The catalog shipped in this assembly.</summary>
    public static SignatureCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary><c>catalogVersion</c>.</summary>
    public string Version { get; }

    /// <summary>The signatures in priority order.</summary>
    public IReadOnlyList<Signature> Signatures { get; }

    /// <summary>Parses and validates a catalog; throws <see cref="SignatureCatalogException"/> listing every problem.</summary>
    public static SignatureCatalog Parse(string json)
    {
        var problems = new List<string>();
        var catalog = TryParse(json, problems);
        return catalog is not null && problems.Count == 0 ? catalog : throw new SignatureCatalogException(problems);
    }

    /// <summary>Reads the embedded catalog.</summary>
    public static SignatureCatalog LoadEmbedded()
    {
        using var stream = typeof(SignatureCatalog).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new SignatureCatalogException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Compiles every regex (they are otherwise built on first use); returns the problems found.</summary>
    public IReadOnlyList<string> CompileAll()
    {
        var problems = new List<string>();
        foreach (var signature in Signatures)
        {
            try
            {
                _ = signature.FormatRegex;
                _ = signature.PatternRegex;
            }
            catch (ArgumentException e)
            {
                problems.Add($"{signature.Id}: {e.Message}");
            }
        }

        return problems;
    }

    private static SignatureCatalog? TryParse(string json, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            problems.Add("not JSON: " + e.Message);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("the root must be an object");
                return null;
            }

            var version = root.TryGetProperty("catalogVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
            if (string.IsNullOrWhiteSpace(version))
            {
                problems.Add("catalogVersion is missing");
            }

            if (!root.TryGetProperty("signatures", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("signatures[] is missing");
                return null;
            }

            var signatures = new List<Signature>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var position = 0;
            foreach (var element in list.EnumerateArray())
            {
                position++;
                var definition = ReadDefinition(element, position, problems);
                if (definition is null)
                {
                    continue;
                }

                if (!ids.Add(definition.Id))
                {
                    problems.Add($"{definition.Id}: duplicate id");
                    continue;
                }

                var signature = new Signature(definition, signatures.Count);
                Validate(signature, problems);
                signatures.Add(signature);
            }

            return new SignatureCatalog(version ?? "", signatures);
        }
    }

    private static SignatureDefinition? ReadDefinition(JsonElement element, int position, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"signature #{position} is not an object");
            return null;
        }

        var id = String(element, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"signature #{position}: id is missing");
            return null;
        }

        var ok = true;
        if (!CatalogNames.TryParseKind(String(element, "kind"), out var kind))
        {
            problems.Add($"{id}: unknown kind '{String(element, "kind")}'");
            ok = false;
        }

        EventKind? inactiveKind = null;
        if (String(element, "inactiveKind") is { } inactiveName)
        {
            if (CatalogNames.TryParseKind(inactiveName, out var parsed))
            {
                inactiveKind = parsed;
            }
            else
            {
                problems.Add($"{id}: unknown inactiveKind '{inactiveName}'");
                ok = false;
            }
        }

        if (!CatalogNames.TryParseActor(String(element, "actor"), out var actor))
        {
            problems.Add($"{id}: unknown actor '{String(element, "actor")}'");
            ok = false;
        }

        if (!CatalogNames.TryParseConfidence(String(element, "confidence"), out var confidence))
        {
            problems.Add($"{id}: unknown confidence '{String(element, "confidence")}'");
            ok = false;
        }

        var captures = new List<SignatureCapture>();
        if (element.TryGetProperty("captures", out var captureObject) && captureObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in captureObject.EnumerateObject())
            {
                if (!CatalogNames.TryParseCaptureField(property.Name, out var field))
                {
                    problems.Add($"{id}: unknown capture '{property.Name}'");
                    ok = false;
                }
                else if (property.Value.ValueKind != JsonValueKind.String || !CaptureSource.TryParse(property.Value.GetString(), out var source))
                {
                    problems.Add($"{id}: capture '{property.Name}' must be \"arg:N\", \"group:NAME\" or \"message\"");
                    ok = false;
                }
                else
                {
                    SetCapture(captures, new SignatureCapture(field, source, source.GroupName));
                }
            }
        }

        var values = ReadValues(id, element, problems, ref ok);
        var processes = element.TryGetProperty("processes", out var processList) && processList.ValueKind == JsonValueKind.Array
            ? Names(processList)
            : [];
        if (!ok)
        {
            return null;
        }

        return new SignatureDefinition
        {
            Id = id,
            Kind = kind,
            InactiveKind = inactiveKind,
            Actor = actor,
            ActorFromProcess = element.TryGetProperty("actorFromProcess", out var afp) && afp.ValueKind == JsonValueKind.True,
            Processes = processes,
            Subsystem = String(element, "subsystem"),
            Category = String(element, "category"),
            Level = String(element, "level"),
            FormatString = String(element, "formatString"),
            Pattern = String(element, "pattern"),
            Anchor = String(element, "anchor"),
            Confidence = confidence,
            Provenance = String(element, "provenance") ?? "",
            Captures = captures,
            Values = values,
        };
    }

    private static SignatureValues ReadValues(string id, JsonElement element, List<string> problems, ref bool ok)
    {
        if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return SignatureValues.None;
        }

        var result = new SignatureValues();
        foreach (var property in values.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "active" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    result = result with { Active = value.GetBoolean() };
                    break;
                case "onHold" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    result = result with { OnHold = value.GetBoolean() };
                    break;
                case "action" when CatalogNames.TryParseAction(value.GetString(), out var action):
                    result = result with { Action = action };
                    break;
                case "errorCode" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var code):
                    result = result with { ErrorCode = code };
                    break;
                case "errorDomain" when value.ValueKind == JsonValueKind.String:
                    result = result with { ErrorDomain = value.GetString() };
                    break;
                default:
                    problems.Add($"{id}: bad value '{property.Name}'");
                    ok = false;
                    break;
            }
        }

        return result;
    }

    private static void Validate(Signature signature, List<string> problems)
    {
        var id = signature.Id;
        if (signature.FormatString is null && signature.Pattern is null)
        {
            problems.Add($"{id}: needs a formatString or a pattern");
            return;
        }

        if (signature.FormatString is not null && signature.Confidence != MatchConfidence.Exact)
        {
            problems.Add($"{id}: a signature with a formatString from source has confidence 'exact'");
        }

        if (signature.FormatString is null && signature.Confidence == MatchConfidence.Exact)
        {
            problems.Add($"{id}: a pattern-only signature cannot be 'exact' (use 'rendered' or 'heuristic')");
        }

        if (signature.Anchor.Length < MinimumAnchorLength)
        {
            problems.Add($"{id}: anchor '{signature.Anchor}' is shorter than {MinimumAnchorLength} characters");
        }

        Regex? format = null;
        Regex? pattern = null;
        try
        {
            // The interpreted builds the matcher starts with: checked here, built once.
            format = signature.FormatMatcher?.Interpreted;
            pattern = signature.PatternMatcher?.Interpreted;
        }
        catch (ArgumentException e)
        {
            problems.Add($"{id}: regex does not compile: {e.Message}");
            return;
        }

        foreach (var (field, source, _) in signature.CaptureList)
        {
            switch (source.Kind)
            {
                case CaptureSourceKind.Argument when signature.FormatPattern is null || source.Argument > signature.FormatPattern.Arguments:
                    problems.Add($"{id}: capture {field} reads {source} but the format has {signature.FormatPattern?.Arguments ?? 0} arguments");
                    break;
                case CaptureSourceKind.Group when !HasGroup(pattern, source.Group!) && !HasGroup(format, source.Group!):
                    problems.Add($"{id}: capture {field} reads {source} but no pattern defines that group");
                    break;
            }
        }

        if (signature.InactiveKind is not null && !Captures(signature, CaptureField.Active))
        {
            problems.Add($"{id}: inactiveKind needs an 'active' capture");
        }
    }

    private static bool Captures(Signature signature, CaptureField field)
    {
        foreach (var capture in signature.CaptureList)
        {
            if (capture.Field == field)
            {
                return true;
            }
        }

        return false;
    }

    // A field named again keeps its first place and takes the later source, as a dictionary's indexer would.
    private static void SetCapture(List<SignatureCapture> captures, SignatureCapture capture)
    {
        for (var i = 0; i < captures.Count; i++)
        {
            if (captures[i].Field == capture.Field)
            {
                captures[i] = capture;
                return;
            }
        }

        captures.Add(capture);
    }

    // The non-empty strings of a JSON array (walked by hand: no query compiled at start-up over JSON elements).
    private static string[] Names(JsonElement array)
    {
        var names = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.GetString() is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    private static bool HasGroup(Regex? regex, string name) => regex is not null && regex.GroupNumberFromName(name) >= 0;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
