using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Planning;

/// <summary>
/// Greedy placement of blocks of tensors with fixed relative offsets: blocks go one by one (largest first, among
/// other orders), each at the lowest aligned base where none of its members overlaps, in bytes and in time, a member of a
/// block already placed. A single-tensor block per tensor is TFLM's greedy planner; in-place execution puts
/// an operator's output in its dying input's block.
/// </summary>
public static class BlockPlacer
{
    /// <summary>
    /// Places <paramref name="blocks"/>; returns each tensor's arena offset and the arena size. Greedy placement
    /// depends on the order: the blocks are placed largest first (TFLM's order), then also in order of first use
    /// and by bytes × lifetime, and the smallest arena wins (ties keep the earlier order).
    /// </summary>
    public static (Dictionary<int, int> Offsets, int ArenaBytes) Place(IEnumerable<IReadOnlyList<BlockMember>> blocks)
    {
        var list = blocks.Where(b => b.Count > 0).ToList();
        static long Size(IReadOnlyList<BlockMember> b) => b.Max(m => m.Relative + m.Life.Bytes);
        static int First(IReadOnlyList<BlockMember> b) => b.Min(m => m.Life.First);
        static int Last(IReadOnlyList<BlockMember> b) => b.Max(m => m.Life.Last);
        static int Id(IReadOnlyList<BlockMember> b) => b.Min(m => m.Life.Tensor);
        var orders = new[]
        {
            list.OrderByDescending(Size).ThenBy(First).ThenBy(Id).ToList(),
            list.OrderBy(First).ThenByDescending(Size).ThenBy(Id).ToList(),
            list.OrderByDescending(b => Size(b) * (Last(b) - First(b) + 1)).ThenBy(First).ThenBy(Id).ToList(),
        };
        (Dictionary<int, int> Offsets, int ArenaBytes)? best = null;
        foreach (var order in orders)
        {
            var result = PlaceInOrder(order);
            if (best == null || result.ArenaBytes < best.Value.ArenaBytes) best = result;
        }
        return best ?? (new Dictionary<int, int>(), 0);
    }

    private static (Dictionary<int, int> Offsets, int ArenaBytes) PlaceInOrder(List<IReadOnlyList<BlockMember>> ordered)
    {
        var placed = new List<(BlockMember Member, long Offset)>();
        var offsets = new Dictionary<int, int>();
        long arena = 0;
        foreach (var block in ordered)
        {
            long baseOffset = LowestFreeBase(block, placed);
            foreach (var m in block)
            {
                long at = baseOffset + m.Relative;
                placed.Add((m, at));
                offsets[m.Life.Tensor] = checked((int)at);
                arena = Math.Max(arena, at + m.Life.Bytes);
            }
        }
        return (offsets, checked((int)arena));
    }

    /// <summary>
    /// The lowest aligned base at which no member of <paramref name="block"/> overlaps a live placed member.
    /// Candidates are 0 and the first aligned base just past each conflicting placed member.
    /// </summary>
    private static long LowestFreeBase(IReadOnlyList<BlockMember> block, List<(BlockMember Member, long Offset)> placed)
    {
        // Forbidden open ranges of the base: (start, end) with start < base < end impossible.
        var forbidden = new List<(long Low, long High)>();
        var candidates = new SortedSet<long> { 0 };
        long lowestRelative = block.Min(m => m.Relative);
        foreach (var m in block)
        {
            if (m.Life.Bytes == 0) continue;
            foreach (var (other, offset) in placed)
            {
                if (other.Life.Bytes == 0 || !other.Life.Overlaps(m.Life)) continue;
                // m occupies [base + rel, base + rel + bytes); other [offset, offset + bytes).
                long low = offset - m.Relative - m.Life.Bytes;
                long high = offset + other.Life.Bytes - m.Relative;
                forbidden.Add((low, high));
                long candidate = Align(high);
                if (candidate + lowestRelative >= 0) candidates.Add(candidate);
            }
        }
        foreach (long candidate in candidates)
        {
            if (candidate + lowestRelative < 0) continue;
            bool free = true;
            foreach (var (low, high) in forbidden)
            {
                if (low < candidate && candidate < high)
                {
                    free = false;
                    break;
                }
            }
            if (free) return candidate;
        }
        throw new InvalidOperationException("no free base found (unreachable: the highest candidate is always free)");
    }

    /// <summary>Rounds up to the arena alignment.</summary>
    public static long Align(long value) => (value + ImageLayout.Alignment - 1) / ImageLayout.Alignment * ImageLayout.Alignment;
}
