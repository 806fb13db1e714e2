namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>The rules a diagnosis runs, in order.</summary>
public static class RuleSet
{
    /// <summary>Every rule, each reporting its own finding ids (coverage gaps included).</summary>
    public static IReadOnlyList<DiagnosticRule> Default { get; } =
    [
        new SessionIdZeroRule(),
        new WorkaroundMissingRule(),
        new ConfigDuringActiveCallRule(),
        new ActivationMissingRule(),
        new AppActivatedAudioRule(),
        new InsufficientPriorityRule(),
        new AudioConfiguredBeforeActivationRule(),
        new HoldResumeNoActivationRule(),
        new PushNotReportedRule(),
        new ProviderResetRule(),
        new TransactionErrorRule(),
    ];
}
