-- ARGV 4 the sorted set to list ('all' or 'sub:<subscriber>', without the prefix).
-- Result: { {id, field, value, ...}, ... } in the set's order; ids whose hash is gone leave the set.
local set = P .. ARGV[4]
local result = {}
for _, id in ipairs(redis.call('ZRANGE', set, 0, -1)) do
  local hash = redis.call('HGETALL', skey(id))
  if #hash == 0 then
    redis.call('ZREM', set, id)
  else
    table.insert(hash, 1, id)
    table.insert(result, hash)
  end
end
return done(result)
