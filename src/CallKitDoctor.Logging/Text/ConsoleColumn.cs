namespace CallKitDoctor.Logging.Text;

/// <summary>A column of a Console.app copy that carries a header line.</summary>
internal enum ConsoleColumn : byte
{
    Other = 0,
    Level,
    Time,
    Process,
    Message,
    Subsystem,
    Category,
    ProcessId,
    ThreadId,
    Sender,
}
