-- ARGV 4 now, 5 maxConnections, 6 policy, 7 id, 8 subscriber, 9 deviceKey, 10 started, 11 expires,
--      12.. the session's fields and values.
-- Result: {'ADMITTED', ended ids...} | {'LIMIT', active}
local now, max, policy = ARGV[4], tonumber(ARGV[5]), ARGV[6]
local id, sub, dev, started, expires = ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11]
local k = skey(id)
if redis.call('EXISTS', k) == 1 then return redis.error_reply('HWDUPLICATE session ' .. id .. ' exists already') end

local replaced, others = {}, {}
for _, s in ipairs(sessionsOf(sub, now, nil)) do
  if s.dev == dev then table.insert(replaced, s) else table.insert(others, s) end
end
local slots = active(others)
if #slots >= max and policy == 'REFUSE_NEW' then return done({ 'LIMIT', #slots }) end

local result = { 'ADMITTED' }
for _, s in ipairs(replaced) do
  finish(s.id, sub, 'REPLACED', now)
  table.insert(result, s.id)
end
for _, s in ipairs(oldestBeyond(slots, max)) do
  finish(s.id, sub, 'EVICTED', now)
  table.insert(result, s.id)
end

local fields = {}
for i = 12, #ARGV do table.insert(fields, ARGV[i]) end
redis.call('HSET', k, 'state', 'ACTIVE', 'seen', now, 'bytes', 0, unpack(fields))
local keep = string.format('%d', tonumber(millis(expires)) + RETENTION)
redis.call('PEXPIREAT', k, keep)
redis.call('ZADD', subkey(sub), seconds(started), id)
keepUntil(subkey(sub), keep)
redis.call('ZADD', ALL, seconds(started), id)
redis.call('ZADD', EXP, seconds(expires), id)
return done(result)
