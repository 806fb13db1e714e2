using CallKitDoctor.Diagnosis.Codes;

namespace CallKitDoctor.Diagnosis.Tests.Codes;

public class CallKitErrorCodeTests
{
    [Theory]
    [InlineData(0, "unknown")]
    [InlineData(1, "unentitled")]
    [InlineData(2, "unknownCallProvider")]
    [InlineData(3, "emptyTransaction")]
    [InlineData(4, "unknownCallUUID")]
    [InlineData(5, "callUUIDAlreadyExists")]
    [InlineData(6, "invalidAction")]
    [InlineData(7, "maximumCallGroupsReached")]
    public void RequestTransactionCodes(int code, string name)
    {
        var error = new CallKitErrorCode(CallKitErrorDomains.RequestTransaction, code);

        Assert.Equal(name, error.Name);
        Assert.StartsWith("CXErrorCodeRequestTransactionError", error.Symbol, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Meaning));
    }

    [Theory]
    [InlineData(0, "unknown")]
    [InlineData(1, "unentitled")]
    [InlineData(2, "callUUIDAlreadyExists")]
    [InlineData(3, "filteredByDoNotDisturb")]
    [InlineData(4, "filteredByBlockList")]
    [InlineData(5, "filteredDuringRestrictedSharingMode")]
    public void IncomingCallCodes(int code, string name)
    {
        var error = new CallKitErrorCode(CallKitErrorDomains.IncomingCall, code);

        Assert.Equal(name, error.Name);
        Assert.Equal("CXErrorCodeIncomingCallError" + char.ToUpperInvariant(name[0]) + name[1..], error.Symbol);
    }

    [Fact]
    public void UnverifiedCodesAreNotNamed()
    {
        Assert.Null(new CallKitErrorCode(CallKitErrorDomains.RequestTransaction, 8).Name);
        Assert.Null(new CallKitErrorCode(CallKitErrorDomains.IncomingCall, 6).Name);
        Assert.Null(new CallKitErrorCode("com.example", 1).Name);
    }

    [Theory]
    [InlineData("StartCallAction transaction request failed: The operation couldn’t be completed. (com.apple.CallKit.error.requesttransaction error 7.)", 7)]
    [InlineData("POST-VoipCoordinatorCalling failed: Error Domain=com.apple.CallKit.error.requesttransaction Code=1 \"(null)\"", 1)]
    public void FindsRequestTransactionErrors(string message, int code)
    {
        Assert.True(CallKitErrorCode.TryFind(message, out var error));
        Assert.Equal(CallKitErrorDomains.RequestTransaction, error.Domain);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void OsStatusErrorsAreNotCallKitErrors()
    {
        Assert.False(CallKitErrorCode.TryFind("Error Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"", out _));
        Assert.True(ErrorReference.TryFind("(OSStatus error 561017449.)", out var reference));
        Assert.True(reference.IsOsStatus);
        Assert.Equal(561017449, reference.Code);
    }

    [Fact]
    public void ReadsTheNsErrorDescriptionForm()
    {
        Assert.True(ErrorReference.TryFind("error = <NSError:0x60000071c03da10(NSOSStatusErrorDomain:-50) - {", out var reference));
        Assert.Equal(new ErrorReference("NSOSStatusErrorDomain", -50), reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Error Domain=")]
    [InlineData("(x error )")]
    [InlineData("an error occurred (badly error 9x")]
    public void MalformedErrorTextYieldsNothing(string text)
    {
        Assert.False(ErrorReference.TryFind(text, out _));
    }
}
