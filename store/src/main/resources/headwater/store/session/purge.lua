-- ARGV 4 before, 5 batch size. Forgets up to a batch of sessions that ended or expired before `before`.
-- Result: {forgotten, entries cleared}; the caller repeats while entries were cleared (stale ones count there).
local cutoff, batch = ARGV[4], tonumber(ARGV[5])
local candidates = {}
for _, set in ipairs({ ENDED, EXP }) do
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', set, '-inf', seconds(cutoff), 'LIMIT', 0, batch)) do
    candidates[id] = true
  end
end
local forgotten, cleared = 0, 0
for id in pairs(candidates) do
  local f = redis.call('HMGET', skey(id), 'state', 'endedAt', 'exp', 'sub')
  if not f[1] then
    redis.call('ZREM', ENDED, id)
    redis.call('ZREM', EXP, id)
    redis.call('ZREM', ALL, id)
    cleared = cleared + 1
  elseif (f[1] == 'ENDED' and before(f[2], cutoff)) or before(f[3], cutoff) then
    redis.call('DEL', skey(id))
    redis.call('ZREM', subkey(f[4]), id)
    redis.call('ZREM', ENDED, id)
    redis.call('ZREM', EXP, id)
    redis.call('ZREM', ALL, id)
    forgotten = forgotten + 1
    cleared = cleared + 1
  end
end
return done({ forgotten, cleared })
