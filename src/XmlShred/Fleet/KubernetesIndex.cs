using System.Globalization;

namespace XmlShred.Fleet;

/// <summary>
/// <c>--partition auto</c>: the pod's place in a Kubernetes Indexed Job. Kubernetes sets JOB_COMPLETION_INDEX in
/// every pod of an Indexed Job; the completion count is not in the pod's environment, so it comes from an option
/// or from XMLSHRED_PARTITION_COUNT (set it in the manifest next to <c>completions</c>).
/// </summary>
public static class KubernetesIndex
{
    public const string IndexVariable = "JOB_COMPLETION_INDEX";
    public const string CountVariable = "XMLSHRED_PARTITION_COUNT";

    /// <summary>(k, n) for this pod; throws <see cref="ArgumentException"/> explaining what is missing or wrong.</summary>
    public static (int Index, int Count) Resolve(int? countOption, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var indexText = environment(IndexVariable);
        if (string.IsNullOrWhiteSpace(indexText))
            throw new ArgumentException($"--partition auto needs {IndexVariable} (set by Kubernetes in the pods of an Indexed Job); it is not set");
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw new ArgumentException($"{IndexVariable}='{indexText}' is not a non-negative integer");
        int count;
        if (countOption is { } option) count = option;
        else
        {
            var countText = environment(CountVariable);
            if (string.IsNullOrWhiteSpace(countText))
                throw new ArgumentException($"--partition auto needs the completion count: pass --partition-count N or set {CountVariable} (the Job's completions)");
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                throw new ArgumentException($"{CountVariable}='{countText}' is not a positive integer");
        }
        if (count < 1) throw new ArgumentException($"the partition count must be at least 1, got {count}");
        if (index >= count) throw new ArgumentException($"{IndexVariable}={index} is not below the partition count {count}");
        return (index, count);
    }
}
