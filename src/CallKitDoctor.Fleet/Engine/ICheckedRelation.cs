namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// What builds the relation <c>fleet_checked</c>: one row per call under the documented column names, with
/// <c>_row</c> (its position) and <c>_problem</c> (why it cannot be used, null when it can).
/// </summary>
internal interface ICheckedRelation
{
    /// <summary>The columns of the relation other than <c>_row</c>, <c>_problem</c> (and <c>_source</c>).</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The load summary, given the relation's row count and how many rows have a problem.</summary>
    LoadSummary Summarize(long checkedRows, long badInTable);
}
