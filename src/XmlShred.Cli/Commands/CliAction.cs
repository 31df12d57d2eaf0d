using System.CommandLine;
using XmlShred.Cli.Configuration;
using XmlShred.Cli.Logging;
using XmlShred.Contract;

namespace XmlShred.Cli.Commands;

/// <summary>
/// Runs a command body and turns exceptions into the exit codes of <see cref="ExitCodeTable"/> and one readable line
/// on stderr. The invocation's logger (<see cref="CliLogging.Logger"/>) is flushed when the body ends.
/// </summary>
internal static class CliAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            try
            {
                return await body(result, cancellationToken).ConfigureAwait(false);
            }
            catch (ContractException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (ex is UsageException or ConfigurationFileException or ArgumentException or NotSupportedException or FileNotFoundException or DirectoryNotFoundException)
            {
                await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("Aborted: the open batch was rolled back; rerun the same command to continue.").ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }
            catch (Exception ex)
            {
                await error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
                if (Environment.GetEnvironmentVariable("XMLSHRED_DEBUG") == "1") await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
                return ExitCodes.UnexpectedError;
            }
            finally
            {
                CliLogging.Release(result);
            }
        });
}
