-- ARGV 4 now, 5 id, 6 reason. Result: 1 when this call ended the session, 0 when it was unknown, ended or expired.
local now, id, reason = ARGV[4], ARGV[5], ARGV[6]
local f = redis.call('HMGET', skey(id), 'state', 'exp', 'sub')
if not f[1] or f[1] == 'ENDED' then return done(0) end
if not before(now, f[2]) then
  finish(id, f[3], 'EXPIRED', now)
  return done(0)
end
finish(id, f[3], reason, now)
return done(1)
