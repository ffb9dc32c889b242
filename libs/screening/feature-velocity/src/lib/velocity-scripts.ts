// Lua scripts for the velocity counters. Each runs on the keys of ONE identity (they share a hash tag), so
// they work on a Redis cluster too; the store pipelines one call per identity.
//
// An identity has three hashes of buckets: minutes (for the 1 h window), hours (24 h) and days (30 d); each
// bucket holds a count and a sum. A hash that grows past its size drops its expired buckets, so memory stays
// bounded however busy the identity is.

const BUMP = `
local function bump(key, bucket, amount, ttl, max_fields, oldest)
  if bucket <= oldest then return end
  redis.call('HINCRBY', key, bucket .. ':c', 1)
  redis.call('HINCRBY', key, bucket .. ':s', amount)
  redis.call('EXPIRE', key, ttl)
  if redis.call('HLEN', key) > max_fields then
    for _, field in ipairs(redis.call('HKEYS', key)) do
      local b = tonumber(string.match(field, '^(%d+):'))
      if b and b <= oldest then redis.call('HDEL', key, field) end
    end
  end
end
`;

/**
 * KEYS: seen, minutes, hours, days. ARGV: event time (ms), amount (minor units), now (ms).
 * Returns 1 when counted, 0 when this event was counted before (redelivery). A late event is counted in the
 * windows it still falls into; buckets are pruned relative to now, not to the event.
 */
export const RECORD_PAYMENT_SCRIPT = `${BUMP}
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', 2764800) then return 0 end
local at = tonumber(ARGV[1])
local amount = tonumber(ARGV[2])
local now = math.max(tonumber(ARGV[3]), at)
bump(KEYS[2], math.floor(at / 60000), amount, 3900, 130, math.floor(now / 60000) - 60)
bump(KEYS[3], math.floor(at / 3600000), amount, 90000, 52, math.floor(now / 3600000) - 24)
bump(KEYS[4], math.floor(at / 86400000), amount, 2678400, 64, math.floor(now / 86400000) - 30)
return 1
`;

/**
 * KEYS: minutes, hours, days. ARGV: now (ms).
 * Returns { count 1h, sum 1h, count 24h, sum 24h, count 30d, sum 30d }.
 */
export const READ_VELOCITY_SCRIPT = `
local now = tonumber(ARGV[1])
local function window(key, current, size)
  local count, sum = 0, 0
  local fields = redis.call('HGETALL', key)
  for i = 1, #fields, 2 do
    local bucket, measure = string.match(fields[i], '^(%d+):(%a)$')
    bucket = tonumber(bucket)
    if bucket and bucket > current - size and bucket <= current then
      if measure == 'c' then count = count + tonumber(fields[i + 1]) else sum = sum + tonumber(fields[i + 1]) end
    end
  end
  return count, sum
end
local c1, s1 = window(KEYS[1], math.floor(now / 60000), 60)
local c2, s2 = window(KEYS[2], math.floor(now / 3600000), 24)
local c3, s3 = window(KEYS[3], math.floor(now / 86400000), 30)
return { c1, s1, c2, s2, c3, s3 }
`;
