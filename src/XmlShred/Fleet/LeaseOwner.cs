using System.Globalization;

namespace XmlShred.Fleet;

/// <summary>
/// Who holds a lease: one process of one run. The host is the Kubernetes pod name when set (POD_NAME, or HOSTNAME
/// which Kubernetes sets to the pod name), else the machine name. Two processes never share an owner string,
/// because the run id is a fresh GUID fragment.
/// </summary>
public sealed record LeaseOwner(string Host, int ProcessId, string RunId)
{
    public const int MaxLength = 200;

    /// <summary>The string stored in <c>owner</c> columns: <c>host/pid/run</c>.</summary>
    public string Id
    {
        get
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{Host}/{ProcessId}/{RunId}");
            return id.Length > MaxLength ? id[^MaxLength..] : id;
        }
    }

    public static LeaseOwner ForThisProcess(string runId) => new(HostName(), Environment.ProcessId, runId);

    private static string HostName()
    {
        foreach (var variable in new[] { "POD_NAME", "HOSTNAME" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value) return value;
        }
        return Environment.MachineName;
    }

    public override string ToString() => Id;
}
