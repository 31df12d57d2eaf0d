using System.CommandLine;
using XmlShred.Contract;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

/// <summary>Runs a command body and turns exceptions into the documented exit codes and one readable line on stderr.</summary>
internal static class CliAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            try
            {
                return await body(result, cancellationToken).ConfigureAwait(false);
            }
            catch (ContractException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (ex is UsageException or ArgumentException or NotSupportedException or FileNotFoundException or DirectoryNotFoundException)
            {
                await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Aborted: the open batch was rolled back; rerun the same command to continue.").ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }
            catch (Exception ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
                if (Environment.GetEnvironmentVariable("XMLSHRED_DEBUG") == "1") await Console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
                return ExitCodes.UnexpectedError;
            }
        });
}
