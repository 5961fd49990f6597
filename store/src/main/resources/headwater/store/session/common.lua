-- Prepended to every script of RedisSessionRegistry. ARGV[1] is the key prefix, ARGV[2] how long (ms) an ended or
-- expired session's hash is kept at most, ARGV[3] the calling registry instance (it tells its own listeners itself,
-- and skips its own pub/sub echo); a script's own arguments start at ARGV[4].
-- Times and durations are exact "<seconds>.<9-digit nanos>" strings, compared here as two integers (a double would
-- lose the nanoseconds).
-- Every script answers done(result): {result, {id, reason, id, reason...}} with the sessions it ended.
-- Redis 7 always replicates a script's effects; before it, this lets a script write after TIME.
if redis.replicate_commands then redis.replicate_commands() end

local P = ARGV[1]
local RETENTION = tonumber(ARGV[2])
local ORIGIN = ARGV[3]
local endedNow = {}

local function done(result) return { result, endedNow } end
local ALL, ENDED, EXP, EVENTS = P .. 'all', P .. 'ended', P .. 'exp', P .. 'ended-events'

local function skey(id) return P .. 's:' .. id end
local function subkey(sub) return P .. 'sub:' .. sub end

local function split(x)
  local s, n = string.match(x, '^(-?%d+)%.(%d+)$')
  return tonumber(s), tonumber(n)
end

-- a < b
local function before(a, b)
  local as, an = split(a)
  local bs, bn = split(b)
  return as < bs or (as == bs and an < bn)
end

-- seen + idle < now: silent for longer than idleAfter
local function silent(seen, idle, now)
  local ss, sn = split(seen)
  local is, inn = split(idle)
  local s, n = ss + is, sn + inn
  if n >= 1000000000 then s, n = s + 1, n - 1000000000 end
  local ns, nn = split(now)
  return s < ns or (s == ns and n < nn)
end

local function millis(x)
  local s, n = split(x)
  return string.format('%d', s * 1000 + math.floor(n / 1000000))
end

local function seconds(x)
  local s = split(x)
  return string.format('%d', s)
end

-- keep `key` at least until `atMillis` (Redis time; PEXPIRETIME would need Redis 7)
local function keepUntil(key, atMillis)
  local ttl = redis.call('PTTL', key)
  if ttl == -2 then return end
  local time = redis.call('TIME')
  local nowMillis = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  if ttl == -1 or nowMillis + ttl < tonumber(atMillis) then redis.call('PEXPIREAT', key, atMillis) end
end

-- Ends a session that is not ended yet and announces it to every node.
local function finish(id, sub, reason, now)
  local k = skey(id)
  redis.call('HSET', k, 'state', 'ENDED', 'reason', reason, 'endedAt', now)
  redis.call('PEXPIREAT', k, string.format('%d', tonumber(millis(now)) + RETENTION))
  redis.call('ZREM', subkey(sub), id)
  redis.call('ZREM', ALL, id)
  redis.call('ZADD', ENDED, seconds(now), id)
  redis.call('PUBLISH', EVENTS, id .. ' ' .. reason .. ' ' .. ORIGIN)
  table.insert(endedNow, id)
  table.insert(endedNow, reason)
end

-- The subscriber's sessions that are not ended, except `except`: forgotten and ended ones leave the set, expired
-- ones end (EXPIRED), ACTIVE ones silent for longer than their idleAfter become IDLE.
local function sessionsOf(sub, now, except)
  local found = {}
  for _, id in ipairs(redis.call('ZRANGE', subkey(sub), 0, -1)) do
    if id ~= except then
      local f = redis.call('HMGET', skey(id), 'state', 'seen', 'idle', 'exp', 'dev', 'start')
      if not f[1] or f[1] == 'ENDED' then
        redis.call('ZREM', subkey(sub), id)
      elseif not before(now, f[4]) then
        finish(id, sub, 'EXPIRED', now)
      else
        local state = f[1]
        if state == 'ACTIVE' and silent(f[2], f[3], now) then
          redis.call('HSET', skey(id), 'state', 'IDLE')
          state = 'IDLE'
        end
        table.insert(found, { id = id, state = state, dev = f[5], start = f[6] })
      end
    end
  end
  return found
end

local function active(sessions)
  local result = {}
  for _, s in ipairs(sessions) do
    if s.state == 'ACTIVE' then table.insert(result, s) end
  end
  return result
end

-- The sessions to end so that one more fits under `max`, oldest start first (ties by id); empty when it fits.
local function oldestBeyond(sessions, max)
  local evict = {}
  if #sessions < max then return evict end
  table.sort(sessions, function(a, b)
    if a.start == b.start then return a.id < b.id end
    return before(a.start, b.start)
  end)
  for i = 1, #sessions - max + 1 do table.insert(evict, sessions[i]) end
  return evict
end
