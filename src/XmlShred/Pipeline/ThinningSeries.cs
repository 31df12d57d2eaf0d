namespace XmlShred.Pipeline;

/// <summary>
/// A time series with a fixed memory ceiling, for runs of any length: once it holds <c>capacity</c> points it drops
/// every other one and from then on keeps only every second new point (the stride doubles each time), so the points
/// stay evenly spread over the whole run.
/// </summary>
internal sealed class ThinningSeries<T>(int capacity)
{
    private readonly List<T> _points = [];
    private long _offered;
    private int _stride = 1;

    public void Add(T point)
    {
        lock (_points)
        {
            if (_offered++ % _stride != 0) return;
            _points.Add(point);
            if (_points.Count < capacity) return;
            for (var i = _points.Count - 1; i >= 0; i -= 2) _points.RemoveAt(i);
            _stride *= 2;
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_points) return [.. _points];
    }
}
