package dev.llmobs.genai.stores;

/**
 * How many distinct conversation ids store operations touched in a sliding window, in bounded
 * memory and without keeping any id: a HyperLogLog sketch (4096 one-byte registers, about 1.6%
 * standard error, exact in practice for a handful of ids thanks to linear counting) per tenth of
 * the window. The estimate is the union of the sketches of the last ten tenths and the current one,
 * so it covers between one window and 1.1 windows. About 45 KB whatever the traffic.
 */
final class ActiveConversations {

  private static final int PRECISION = 12;
  private static final int REGISTERS = 1 << PRECISION;
  static final int SLICES_PER_WINDOW = 10;

  private final long sliceMillis;
  // One more slice than the window holds: the current, partly filled one.
  private final byte[][] sketches = new byte[SLICES_PER_WINDOW + 1][REGISTERS];
  private final long[] sliceNumbers = new long[SLICES_PER_WINDOW + 1];

  ActiveConversations(long windowMillis) {
    this.sliceMillis = Math.max(1, windowMillis / SLICES_PER_WINDOW);
    java.util.Arrays.fill(sliceNumbers, -1);
  }

  synchronized void record(String conversationId, long nowMillis) {
    long slice = nowMillis / sliceMillis;
    int index = (int) (slice % sketches.length);
    byte[] registers = sketches[index];
    if (sliceNumbers[index] != slice) {
      java.util.Arrays.fill(registers, (byte) 0);
      sliceNumbers[index] = slice;
    }
    long hash = hash(conversationId);
    int register = (int) (hash >>> (64 - PRECISION));
    // The rank of the first 1 bit after the register bits (a guard bit bounds it).
    byte rank =
        (byte) (Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1);
    if (registers[register] < rank) {
      registers[register] = rank;
    }
  }

  synchronized long estimate(long nowMillis) {
    long current = nowMillis / sliceMillis;
    byte[] union = new byte[REGISTERS];
    boolean any = false;
    for (int i = 0; i < sketches.length; i++) {
      long slice = sliceNumbers[i];
      if (slice < 0 || slice > current || current - slice > SLICES_PER_WINDOW) {
        continue;
      }
      any = true;
      byte[] registers = sketches[i];
      for (int r = 0; r < REGISTERS; r++) {
        if (registers[r] > union[r]) {
          union[r] = registers[r];
        }
      }
    }
    return any ? Math.round(cardinality(union)) : 0;
  }

  static double cardinality(byte[] registers) {
    double sum = 0;
    int zeros = 0;
    for (byte register : registers) {
      sum += 1.0 / (1L << register);
      if (register == 0) {
        zeros++;
      }
    }
    double m = registers.length;
    double estimate = (0.7213 / (1 + 1.079 / m)) * m * m / sum;
    if (estimate <= 2.5 * m && zeros > 0) {
      return m * Math.log(m / zeros); // linear counting: exact in practice for few ids
    }
    return estimate;
  }

  /** 64-bit FNV-1a over the characters, then MurmurHash3's finaliser to spread the bits. */
  static long hash(String value) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h ^= value.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
