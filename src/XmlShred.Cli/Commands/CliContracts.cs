using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Cli.Commands;

/// <summary>Builds the mapping function (the pipeline's one mapper seam) from <c>--contract</c> or <c>--contract-dir … --product-line auto</c>.</summary>
internal static class CliContracts
{
    public static Func<string, MappingResult> CreateMapper(FileInfo? contract, DirectoryInfo? contractDir, string productLine, MappingOptions options)
    {
        if (contract is not null && contractDir is not null) throw new ArgumentException("give either --contract or --contract-dir, not both");
        if (contract is not null) return new DocumentMapper(ContractLoader.LoadFile(contract.FullName), options).Map;
        if (contractDir is null) throw new ArgumentException("a contract is needed: --contract <file> or --contract-dir <dir> --product-line auto");
        if (!string.Equals(productLine, "auto", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--product-line '{productLine}' is not supported; use 'auto' with --contract-dir, or pick the contract with --contract");
        return ProductLineMapper.FromDirectory(contractDir.FullName, options).Map;
    }
}
