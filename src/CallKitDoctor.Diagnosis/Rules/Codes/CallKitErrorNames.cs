namespace CallKitDoctor.Diagnosis.Rules.Codes;

/// <summary>Names CallKit error codes (CXErrorCodeRequestTransactionError and its siblings).</summary>
public static class CallKitErrorNames
{
    /// <summary>The domain of CXErrorCodeRequestTransactionError.</summary>
    public const string RequestTransactionDomain = "com.apple.CallKit.error.requesttransaction";

    /// <summary>The domain of CXErrorCodeIncomingCallError.</summary>
    public const string IncomingCallDomain = "com.apple.CallKit.error.incomingcall";

    /// <summary>A readable name: <c>maximumCallGroupsReached (7)</c>. The domain defaults to request transactions.</summary>
    public static string Describe(int code, string? domain = null)
    {
        var name = domain is not null && domain.Contains("incomingcall", StringComparison.OrdinalIgnoreCase)
            ? IncomingCallName(code)
            : RequestTransactionName(code);
        return name is null ? $"error {code}" : $"{name} ({code})";
    }

    /// <summary>The CXErrorCodeRequestTransactionError case name.</summary>
    public static string? RequestTransactionName(int code) => code switch
    {
        0 => "unknown",
        1 => "unentitled",
        2 => "unknownCallProvider",
        3 => "emptyTransaction",
        4 => "unknownCallUUID",
        5 => "callUUIDAlreadyExists",
        6 => "invalidAction",
        7 => "maximumCallGroupsReached",
        8 => "callIsProtected",
        _ => null,
    };

    /// <summary>The CXErrorCodeIncomingCallError case name.</summary>
    public static string? IncomingCallName(int code) => code switch
    {
        0 => "unknown",
        1 => "unentitled",
        2 => "callUUIDAlreadyExists",
        3 => "filteredByDoNotDisturb",
        4 => "filteredByBlockList",
        5 => "internal",
        _ => null,
    };
}
