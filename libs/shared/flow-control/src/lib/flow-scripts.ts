/**
 * Decides every rule of a request in one round trip, atomically: the GCRA rate limit and the concurrency
 * leases of each rule are checked first, and only when all rules admit (or reject only in shadow mode) are
 * the rate states advanced and the leases added. Time comes from Redis (TIME), so every gateway instance
 * shares one clock.
 *
 * KEYS: per rule i, KEYS[2i-1] = its GCRA state (theoretical arrival time, ms), KEYS[2i] = its leases (sorted
 *       set: lease id scored by expiry, ms).
 * ARGV: [1] lease id, [2] lease ms, [3] '1' when the request may use the reserved share, then 5 per rule:
 *       rate per second, burst multiple, concurrency, reserved share, shadow ('1'/'0').
 * Reply: { admitted, rejected rule (1-based, 0 = none), rejected by (1 rate, 2 concurrency), shed (0/1),
 *          retry after ms, then 3 per rule: in flight, rate usage ‰, shadow-rejected by (0, 1, 2) }.
 */
export const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseId = ARGV[1]
local leaseMs = tonumber(ARGV[2])
local priority = ARGV[3] == '1'
local n = #KEYS / 2
local newTats = {}
local inFlights = {}
local usage = {}
local rejectedRule, rejectedBy, shed, retryMs = 0, 0, 0, 0
for i = 1, n do
  local a = 3 + (i - 1) * 5
  local rate = tonumber(ARGV[a + 1])
  local burst = tonumber(ARGV[a + 2])
  local conc = tonumber(ARGV[a + 3])
  local reserved = tonumber(ARGV[a + 4])
  local shadow = ARGV[a + 5] == '1'
  local share = 1
  if not priority then share = 1 - reserved end
  local ruleRejectedBy, ruleShed, ruleRetry, rateUsage, inFlight = 0, 0, 0, 0, 0
  if rate > 0 then
    local interval = 1000 / rate
    local window = burst * 1000
    local tat = tonumber(redis.call('GET', KEYS[2 * i - 1]) or now)
    if tat < now then tat = now end
    local newTat = tat + interval
    rateUsage = (newTat - now) / window
    newTats[i] = newTat
    if newTat - now > window * share then
      ruleRejectedBy = 1
      if newTat - now <= window then ruleShed = 1 end
      ruleRetry = newTat - now - window * share
    end
  end
  if conc > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[2 * i], '-inf', now)
    inFlight = redis.call('ZCARD', KEYS[2 * i])
    if ruleRejectedBy == 0 and inFlight + 1 > math.floor(conc * share) then
      ruleRejectedBy = 2
      if inFlight + 1 <= conc then ruleShed = 1 end
      ruleRetry = 1000
    end
  end
  inFlights[i] = inFlight
  usage[i] = { math.floor(rateUsage * 1000), 0 }
  if ruleRejectedBy > 0 then
    if shadow then
      usage[i][2] = ruleRejectedBy
    elseif rejectedRule == 0 then
      rejectedRule, rejectedBy, shed, retryMs = i, ruleRejectedBy, ruleShed, ruleRetry
    end
  end
end
local reply = { 0, rejectedRule, rejectedBy, shed, math.ceil(retryMs) }
if rejectedRule == 0 then
  reply[1] = 1
  for i = 1, n do
    local a = 3 + (i - 1) * 5
    if tonumber(ARGV[a + 1]) > 0 then
      redis.call('SET', KEYS[2 * i - 1], tostring(newTats[i]), 'PX', math.max(1, math.ceil(newTats[i] - now)))
    end
    if tonumber(ARGV[a + 3]) > 0 then
      redis.call('ZADD', KEYS[2 * i], now + leaseMs, leaseId)
      redis.call('PEXPIRE', KEYS[2 * i], leaseMs + 1000)
      inFlights[i] = inFlights[i] + 1
    end
  end
end
for i = 1, n do
  table.insert(reply, inFlights[i])
  table.insert(reply, usage[i][1])
  table.insert(reply, usage[i][2])
end
return reply
`;

/** Gives a lease back: removing a lease that is gone (released, expired) changes nothing. KEYS: lease sets; ARGV[1]: lease id. */
export const RELEASE_SCRIPT = `
local removed = 0
for i = 1, #KEYS do
  removed = removed + redis.call('ZREM', KEYS[i], ARGV[1])
end
return removed
`;

/**
 * Reads the current use of rules without changing anything (for an operator or a merchant looking at its
 * limits). KEYS: per rule i, KEYS[2i-1] its GCRA state, KEYS[2i] its leases. ARGV: per rule, its burst multiple.
 * Reply: 2 per rule: leases alive now, rate usage ‰ (how full the burst window is).
 */
export const USAGE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local reply = {}
for i = 1, #KEYS / 2 do
  local tat = tonumber(redis.call('GET', KEYS[2 * i - 1]) or now)
  local window = tonumber(ARGV[i]) * 1000
  local rateUsage = 0
  if tat > now then rateUsage = (tat - now) / window end
  reply[2 * i - 1] = redis.call('ZCOUNT', KEYS[2 * i], '(' .. now, '+inf')
  reply[2 * i] = math.floor(rateUsage * 1000)
end
return reply
`;
