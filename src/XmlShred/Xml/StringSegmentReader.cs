namespace XmlShred.Xml;

/// <summary>A <see cref="TextReader"/> over part of a string, so cleaning a document never copies it.</summary>
internal sealed class StringSegmentReader : TextReader
{
    private readonly string _text;
    private readonly int _end;
    private int _position;

    public StringSegmentReader(string text, int start, int length)
    {
        _text = text;
        _position = start;
        _end = start + length;
    }

    public override int Peek() => _position < _end ? _text[_position] : -1;

    public override int Read() => _position < _end ? _text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, _end - _position);
        _text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
