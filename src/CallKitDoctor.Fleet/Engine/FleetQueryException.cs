namespace CallKitDoctor.Fleet.Engine;

/// <summary>A request the data cannot answer (an unknown column, a missing required column, an unreadable file).</summary>
public sealed class FleetQueryException : Exception
{
    public FleetQueryException()
    {
    }

    public FleetQueryException(string message)
        : base(message)
    {
    }

    public FleetQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
