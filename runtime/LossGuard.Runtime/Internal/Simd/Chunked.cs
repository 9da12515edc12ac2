using System;
using System.Buffers;
using System.Threading.Tasks;

namespace LossGuard.Internal.Simd;

/// <summary>Work over a range of rows that returns the sum of their losses.</summary>
internal interface IRowJob
{
    double Run(int firstRow, int rowCount);
}

/// <summary>
/// Runs a job over fixed chunks of rows and adds the chunk sums in chunk order. The chunks depend only on the shape,
/// so the result has the same bits on one thread or many; threads are used only above <see cref="ParallelElements"/>,
/// at most <see cref="Parallelism.ThreadsForThisThread"/> of them.
/// </summary>
internal static class Chunked
{
    /// <summary>32 KiB of floats per chunk (or one longer row): small enough to share out over cores, big enough to amortise.</summary>
    public const int ChunkElements = 8 * 1024;

    /// <summary>Below this many elements, starting threads costs more than it saves (measured on 2 cores).</summary>
    public const int ParallelElements = 128 * 1024;

    public static double Sum<TJob>(TJob job, int rows, int elementsPerRow)
        where TJob : struct, IRowJob
    {
        int rowsPerChunk = Math.Max(1, ChunkElements / Math.Max(1, elementsPerRow));
        int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        int threads = (long)rows * elementsPerRow < ParallelElements ? 1 : Math.Min(chunks, Parallelism.ThreadsForThisThread);
        if (threads <= 1)
        {
            double total = 0;
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                total += Run(job, chunk, rowsPerChunk, rows);
            }

            return total;
        }

        return SumInParallel(job, rows, rowsPerChunk, chunks, threads);
    }

    /// <summary>Apart from <see cref="Sum"/> so that its closure is allocated only when threads are used.</summary>
    private static double SumInParallel<TJob>(TJob job, int rows, int rowsPerChunk, int chunks, int threads)
        where TJob : struct, IRowJob
    {
        double[] partials = ArrayPool<double>.Shared.Rent(chunks);
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            Parallel.For(0, chunks, options, chunk => partials[chunk] = Run(job, chunk, rowsPerChunk, rows));
            double total = 0;
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                total += partials[chunk];
            }

            return total;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
        }
    }

    private static double Run<TJob>(TJob job, int chunk, int rowsPerChunk, int rows)
        where TJob : struct, IRowJob
    {
        int first = chunk * rowsPerChunk;
        return job.Run(first, Math.Min(rowsPerChunk, rows - first));
    }
}
