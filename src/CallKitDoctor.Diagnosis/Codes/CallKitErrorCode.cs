using System.Collections.Frozen;

namespace CallKitDoctor.Diagnosis.Codes;

/// <summary>
/// A CallKit error code in its domain, named as the SDK names it (CXError.h). Codes whose value could not be verified
/// against an SDK header are not named.
/// </summary>
public readonly record struct CallKitErrorCode(string Domain, int Code)
{
    /// <summary>The Swift case name (<c>maximumCallGroupsReached</c>), or null when the code is unknown in its domain.</summary>
    public string? Name => Table.GetValueOrDefault((Domain.ToLowerInvariant(), Code)).Name;

    /// <summary>The SDK constant (<c>CXErrorCodeRequestTransactionErrorMaximumCallGroupsReached</c>), or null when unknown.</summary>
    public string? Symbol => Name is { } name ? SymbolPrefix(Domain) + char.ToUpperInvariant(name[0]) + name[1..] : null;

    /// <summary>What the code means for the app, or null when unknown.</summary>
    public string? Meaning => Table.GetValueOrDefault((Domain.ToLowerInvariant(), Code)).Meaning;

    /// <summary>
    /// Finds a CallKit error in a message (<c>(com.apple.CallKit.error.requesttransaction error 7.)</c>,
    /// <c>Error Domain=com.apple.CallKit.error.requesttransaction Code=1</c>).
    /// </summary>
    public static bool TryFind(ReadOnlySpan<char> text, out CallKitErrorCode error)
    {
        if (ErrorReference.TryFind(text, out var reference) && CallKitErrorDomains.IsCallKit(reference.Domain))
        {
            error = new CallKitErrorCode(reference.Domain, reference.Code);
            return true;
        }

        error = default;
        return false;
    }

    public override string ToString() => Name is { } name ? $"{Domain} {Code} ({name})" : $"{Domain} {Code}";

    private static string SymbolPrefix(string domain) => domain.ToLowerInvariant() switch
    {
        "com.apple.callkit.error.requesttransaction" => "CXErrorCodeRequestTransactionError",
        "com.apple.callkit.error.incomingcall" => "CXErrorCodeIncomingCallError",
        _ => "CXErrorCode",
    };

    private static readonly (string Domain, int Code, string Name, string Meaning)[] Entries =
    [
        (CallKitErrorDomains.RequestTransaction, 0, "unknown", "The transaction failed for an unknown reason."),
        (CallKitErrorDomains.RequestTransaction, 1, "unentitled", "The app is not entitled to request the transaction: check the VoIP background mode and the CallKit provider."),
        (CallKitErrorDomains.RequestTransaction, 2, "unknownCallProvider", "No CXProvider is registered for the app (create the provider before requesting transactions)."),
        (CallKitErrorDomains.RequestTransaction, 3, "emptyTransaction", "The transaction held no actions."),
        (CallKitErrorDomains.RequestTransaction, 4, "unknownCallUUID", "The action names a call UUID CallKit does not know (wrong, stale or already ended call)."),
        (CallKitErrorDomains.RequestTransaction, 5, "callUUIDAlreadyExists", "A call with this UUID already exists."),
        (CallKitErrorDomains.RequestTransaction, 6, "invalidAction", "The action is not valid for the call's state."),
        (CallKitErrorDomains.RequestTransaction, 7, "maximumCallGroupsReached", "The provider's maximum number of call groups is reached: a previous call was never reported ended."),
        (CallKitErrorDomains.IncomingCall, 0, "unknown", "The incoming call report failed for an unknown reason."),
        (CallKitErrorDomains.IncomingCall, 1, "unentitled", "The app is not entitled to report incoming calls (VoIP background mode / entitlement)."),
        (CallKitErrorDomains.IncomingCall, 2, "callUUIDAlreadyExists", "A call with this UUID was already reported."),
        (CallKitErrorDomains.IncomingCall, 3, "filteredByDoNotDisturb", "The call was filtered by Do Not Disturb / Focus."),
        (CallKitErrorDomains.IncomingCall, 4, "filteredByBlockList", "The caller is blocked by the user."),
        (CallKitErrorDomains.IncomingCall, 5, "filteredDuringRestrictedSharingMode", "The call was filtered while the device is in restricted sharing mode."),
        (CallKitErrorDomains.General, 0, "unknownError", "An unknown CallKit error."),
        (CallKitErrorDomains.General, 1, "unentitled", "The app is not entitled to use CallKit this way."),
        (CallKitErrorDomains.General, 2, "invalidArgument", "An argument passed to CallKit was invalid."),
        (CallKitErrorDomains.General, 3, "missingVoIPBackgroundMode", "The app lacks the voip UIBackgroundModes entry."),
    ];

    private static readonly FrozenDictionary<(string, int), (string Name, string Meaning)> Table =
        Entries.ToFrozenDictionary(e => (e.Domain.ToLowerInvariant(), e.Code), e => (e.Name, e.Meaning));

    /// <summary>The named codes of every domain, for documentation and tests.</summary>
    public static IReadOnlyList<CallKitErrorCode> Known { get; } =
        Entries.Select(e => new CallKitErrorCode(e.Domain, e.Code)).ToArray();
}
