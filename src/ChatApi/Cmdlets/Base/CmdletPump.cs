using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatApi.Engine;
using ChatApi.Engine.Http;

namespace ChatApi.Cmdlets
{
    /// <summary>
    /// Runs async engine work off the pipeline thread while everything PowerShell must see (output,
    /// Verbose, Debug, Warning, Progress, ShouldProcess questions) is queued back to the pipeline
    /// thread and written there, as soon as it happens.
    /// </summary>
    internal sealed class CmdletPump : IChatLog
    {
        private readonly Cmdlet cmdlet;
        private readonly BlockingCollection<Action> queue = new BlockingCollection<Action>();

        public CmdletPump(Cmdlet cmdlet, CancellationToken cancellation)
        {
            this.cmdlet = cmdlet;
            Context = new CallContext(cancellation, this);
        }

        public CallContext Context { get; }

        public void Output(object item) => Post(() => cmdlet.WriteObject(item));
        public void Error(ErrorRecord record) => Post(() => cmdlet.WriteError(record));
        public void Progress(ProgressRecord record) => Post(() => cmdlet.WriteProgress(record));
        public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(Redactor.Redact(message)));
        public void Debug(string message) => Post(() => cmdlet.WriteDebug(Redactor.Redact(message)));
        public void Warning(string message) => Post(() => cmdlet.WriteWarning(Redactor.Redact(message)));

        /// <summary>Runs <paramref name="question"/> on the pipeline thread (ShouldProcess, prompts) and awaits its answer.</summary>
        public Task<T> AskAsync<T>(Func<T> question)
        {
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() =>
            {
                try { answer.TrySetResult(question()); }
                catch (Exception e) { answer.TrySetException(e); throw; }
            });
            return answer.Task;
        }

        private void Post(Action action)
        {
            try { queue.Add(action); }
            catch (InvalidOperationException) { /* the pipeline stopped listening */ }
        }

        /// <summary>Pumps until <paramref name="work"/> ends, then rethrows its failure, if any.</summary>
        public void Run(Func<CallContext, Task> work)
        {
            var task = Task.Run(async () =>
            {
                try { await work(Context).ConfigureAwait(false); }
                finally { queue.CompleteAdding(); }
            });
            foreach (var action in queue.GetConsumingEnumerable()) action();
            task.GetAwaiter().GetResult();
        }
    }
}
