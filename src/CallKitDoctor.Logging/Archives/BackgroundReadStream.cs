using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CallKitDoctor.Logging.IO;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// A read-only forward stream that reads its inner stream (a <see cref="System.IO.Compression.GZipStream"/>) on a
/// second thread, a block at a time, at most <c>maxBlocks</c> blocks ahead: decompression then overlaps the tar walk
/// and the spooling of members. An exception of the inner stream is rethrown, with its own type and stack, by the
/// <see cref="Read(Span{byte})"/> that reaches it. Disposing stops the reading thread and disposes the inner stream.
/// </summary>
internal sealed class BackgroundReadStream : ForwardReadStream
{
    private readonly BlockingCollection<(byte[] Data, int Length)> _blocks;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private ExceptionDispatchInfo? _failure;
    private (byte[] Data, int Length) _current;
    private int _offset;
    private bool _ended;
    private bool _disposed;

    public BackgroundReadStream(Stream inner, int blockSize = 256 * 1024, int maxBlocks = 16)
        : base(inner)
    {
        _blocks = new BlockingCollection<(byte[], int)>(maxBlocks);
        _reader = Task.Factory.StartNew(() => Fill(blockSize), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_current.Data is null || _offset == _current.Length)
        {
            if (_current.Data is not null)
            {
                ArrayPool<byte>.Shared.Return(_current.Data);
                _current = default;
            }

            if (_ended || !_blocks.TryTake(out _current, Timeout.Infinite))
            {
                _ended = true;
                _failure?.Throw();
                return 0;
            }

            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.Data.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    private void Fill(int blockSize)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var block = ArrayPool<byte>.Shared.Rent(blockSize);
                var length = Inner.ReadAtLeast(block.AsSpan(0, blockSize), blockSize, throwOnEndOfStream: false);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(block);
                    break;
                }

                _blocks.Add((block, length), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _blocks.CompleteAdding();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            try
            {
                _reader.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Failures were recorded for Read; a cancelled reader is the expected end here.
            }

            while (_blocks.TryTake(out var left))
            {
                ArrayPool<byte>.Shared.Return(left.Data);
            }

            _blocks.Dispose();
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }
}
