namespace XmlShred.Storage;

/// <summary>One row of the source table: the staging <c>app_id</c> and its XML text.</summary>
public sealed record SourceDocument(long AppId, string Xml);
