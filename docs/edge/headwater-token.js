// Checks Headwater playback tokens at an nginx edge (njs 0.7.9 or newer): the same rules as the server's
// PlaybackTokens.verify, see docs/05-playback-tokens.md. The keys come from the nginx variable
// $headwater_token_keys: "kid:hexsecret kid:hexsecret ..." (every key `headwater token-key list` shows as signing,
// pending, or retired less than sessions.lifetime ago).
//
// check(r) returns "ok" or the reason of the refusal (malformed, unknown_key, bad_signature, expired), for
// `if ($headwater_token_check != ok) { return 403; }` and for the access log.

const crypto = require('crypto');

// /s/{token}/live/{channel}/{file} and /s/{token}/live/{channel}.ts; scope = "live/{channel}".
const PATH = /^\/s\/([0-9a-f]{32}-(0|[1-9a-f][0-9a-f]{0,14})-([0-9a-f]{1,8}))-([0-9a-f]{32})\/(live\/[a-z0-9][a-z0-9_-]{0,63})(?:\/[^\/]+|\.ts)$/;

function keys(r) {
    const found = {};
    const text = r.variables.headwater_token_keys || '';
    text.split(/\s+/).forEach(function (pair) {
        const colon = pair.indexOf(':');
        if (colon > 0) {
            found[pair.slice(0, colon)] = Buffer.from(pair.slice(colon + 1), 'hex');
        }
    });
    return found;
}

// Same length (always 32 here), then every character compared: no early exit on the first difference.
function same(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    let difference = 0;
    for (let i = 0; i < a.length; i++) {
        difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
    }
    return difference === 0;
}

function check(r) {
    const uri = r.variables.request_uri.split('?')[0];
    if (uri.length > 256) {
        return 'malformed';
    }
    const m = PATH.exec(uri);
    if (m === null) {
        return 'malformed';
    }
    const head = m[1], expiry = m[2], kid = m[3], mac = m[4], scope = m[5];
    const key = keys(r)[kid];
    if (key === undefined) {
        return 'unknown_key';
    }
    const expected = crypto.createHmac('sha256', key).update(head + '|' + scope).digest('hex').slice(0, 32);
    if (!same(expected, mac)) {
        return 'bad_signature';
    }
    if (Math.floor(Date.now() / 1000) >= parseInt(expiry, 16)) {
        return 'expired';
    }
    return 'ok';
}

export default { check };
