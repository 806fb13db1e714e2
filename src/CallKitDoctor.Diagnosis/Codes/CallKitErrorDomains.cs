namespace CallKitDoctor.Diagnosis.Codes;

/// <summary>The NSError domains CallKit reports errors in (CXError.h: CXErrorDomain, CXErrorDomainIncomingCall, CXErrorDomainRequestTransaction).</summary>
public static class CallKitErrorDomains
{
    /// <summary><c>CXErrorDomain</c> (<c>CXErrorCode</c>).</summary>
    public const string General = "com.apple.CallKit.error";

    /// <summary><c>CXErrorDomainIncomingCall</c> (<c>CXErrorCodeIncomingCallError</c>): reportNewIncomingCall failures.</summary>
    public const string IncomingCall = "com.apple.CallKit.error.incomingcall";

    /// <summary><c>CXErrorDomainRequestTransaction</c> (<c>CXErrorCodeRequestTransactionError</c>): CXCallController.request failures.</summary>
    public const string RequestTransaction = "com.apple.CallKit.error.requesttransaction";

    /// <summary>True for any of the CallKit domains.</summary>
    public static bool IsCallKit(string? domain) =>
        domain is not null && domain.StartsWith(General, StringComparison.OrdinalIgnoreCase);
}
