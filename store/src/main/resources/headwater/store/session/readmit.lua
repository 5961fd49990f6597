-- ARGV 4 now, 5 maxConnections, 6 policy, 7 id.
-- Result: {'ADMITTED', n, n evicted ids..., the session's hash as field, value...} | {'LIMIT', active} | {'GONE'}
local now, max, policy, id = ARGV[4], tonumber(ARGV[5]), ARGV[6], ARGV[7]
local k = skey(id)
local f = redis.call('HMGET', k, 'state', 'seen', 'idle', 'exp', 'sub')
if not f[1] or f[1] == 'ENDED' then return done({ 'GONE' }) end
if not before(now, f[4]) then
  finish(id, f[5], 'EXPIRED', now)
  return done({ 'GONE' })
end
local seen = f[2]
if before(seen, now) then seen = now end

local result = { 'ADMITTED', 0 }
if f[1] ~= 'ACTIVE' or silent(f[2], f[3], now) then
  local slots = active(sessionsOf(f[5], now, id))
  if #slots >= max and policy == 'REFUSE_NEW' then
    redis.call('HSET', k, 'state', 'IDLE')
    return done({ 'LIMIT', #slots })
  end
  for _, s in ipairs(oldestBeyond(slots, max)) do
    finish(s.id, f[5], 'EVICTED', now)
    table.insert(result, s.id)
  end
  result[2] = #result - 2
end
redis.call('HSET', k, 'state', 'ACTIVE', 'seen', seen)
for _, v in ipairs(redis.call('HGETALL', k)) do table.insert(result, v) end
return done(result)
