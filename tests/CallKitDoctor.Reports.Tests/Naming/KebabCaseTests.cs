using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Naming;

namespace CallKitDoctor.Reports.Tests.Naming;

public class KebabCaseTests
{
    [Theory]
    [InlineData("ActivationMasked", "activation-masked")]
    [InlineData("AudioIoFailed", "audio-io-failed")]
    [InlineData("VoipPayloadDelivered", "voip-payload-delivered")]
    [InlineData("XMLParser", "xml-parser")]
    [InlineData("Error", "error")]
    [InlineData("Abc2Def", "abc2-def")]
    public void SplitsWords(string pascal, string kebab) => Assert.Equal(kebab, KebabCase.From(pascal));

    [Fact]
    public void ModelEnumsGetTheNamesTheOutputsPromise()
    {
        Assert.Equal("activation-masked", CallVerdict.ActivationMasked.ToName());
        Assert.Equal("no-call-reported", CallVerdict.NoCallReported.ToName());
        Assert.Equal("did-activate-delivered", EventKind.DidActivateDelivered.ToName());
        Assert.Equal("call-services", EventActor.CallServices.ToName());
        Assert.Equal("callservicesd", EventActor.CallServices.ToLaneLabel());
    }

    [Fact]
    public void EveryEventKindNameIsDistinctKebabCase()
    {
        var names = Enum.GetValues<EventKind>().Select(k => k.ToName()).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", n));
    }

    [Fact]
    public void InputFormatNamesRoundTrip()
    {
        foreach (var format in Enum.GetValues<LogInputFormat>())
        {
            Assert.True(InputFormatNames.TryParse(format.ToName(), out var parsed));
            Assert.Equal(format, parsed);
        }

        Assert.Equal("log-show", LogInputFormat.LogShowDefault.ToName());
        Assert.False(InputFormatNames.TryParse("tracev9", out _));
    }
}
