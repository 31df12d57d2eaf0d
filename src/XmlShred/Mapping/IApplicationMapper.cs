namespace XmlShred.Mapping;

/// <summary>Maps one document to rows: one contract (<see cref="DocumentMapper"/>) or a product-line choice (<see cref="ProductLineMapper"/>).</summary>
public interface IApplicationMapper
{
    MappingResult Map(string xml);
}
