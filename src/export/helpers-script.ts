/** The collection variable holding the helpers' source. */
export const HELPERS_VARIABLE = 'idflowHelpers';
/** The collection variable holding the embedded schemas (JSON, by `$id`). */
export const SCHEMAS_VARIABLE = 'idflowSchemas';

/**
 * How every script gets the helpers, made with its own `pm`. Postman's sandbox resets its
 * globals before each script, so a function defined in one script is gone in the next: the
 * helpers are defined once, as a collection variable, and evaluated where they are used.
 */
export const HELPERS_LINE = `const idflow = eval(pm.collectionVariables.get('${HELPERS_VARIABLE}'))(pm);`;

/**
 * The helpers every request's scripts call, as Postman sandbox JavaScript: one function
 * expression of `pm`. Kept to the sandbox's own libraries: `require('ajv')` (v6, draft-07) for
 * the embedded schemas and `require('crypto-js')` for TOTP. Every check throws
 * `expected …, given …` the way idflow's check lines read.
 */
export const HELPERS_SOURCE = String.raw`
(function idflowHelpers(pm) {
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  var PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w.$-]*)\s*\}\}/g;
  var WHOLE = /^\{\{\s*([A-Za-z_$][\w.$-]*)\s*\}\}$/;

  function present(value) {
    return value !== undefined && value !== null && value !== '';
  }
  function lookup(name) {
    return pm.variables.get(name);
  }
  /** RFC 6901: undefined when absent. */
  function pointer(value, path) {
    if (path === '') return value;
    var current = value;
    var tokens = path.slice(1).split('/');
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i].replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(current)) current = /^\d+$/.test(token) ? current[Number(token)] : undefined;
      else if (current !== null && typeof current === 'object')
        current = Object.prototype.hasOwnProperty.call(current, token) ? current[token] : undefined;
      else return undefined;
      if (current === undefined) return undefined;
    }
    return current;
  }
  function equal(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  function describe(value) {
    if (value === undefined) return 'missing';
    var text = JSON.stringify(value);
    return text.length > 120 ? text.slice(0, 120) + '…' : text;
  }
  /** A JSON template with its {{variables}}: a whole placeholder keeps the variable's own type. */
  function render(template) {
    if (typeof template === 'string') {
      var whole = WHOLE.exec(template);
      if (whole) return lookup(whole[1]);
      return template.replace(PLACEHOLDER, function (match, name) {
        var value = lookup(name);
        return typeof value === 'string' ? value : JSON.stringify(value);
      });
    }
    if (Array.isArray(template)) return template.map(render);
    if (template !== null && typeof template === 'object') {
      var out = {};
      Object.keys(template).forEach(function (key) {
        out[render(key)] = render(template[key]);
      });
      return out;
    }
    return template;
  }
  function fail(expected, given) {
    throw new Error('expected ' + expected + ', given ' + given);
  }
  function body() {
    try {
      return pm.response.json();
    } catch (error) {
      return undefined;
    }
  }
  function header(name) {
    var value = pm.response.headers.get(name);
    return value === null ? undefined : value;
  }

  function base32(secret) {
    var clean = String(secret).replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
    var bits = 0;
    var value = 0;
    var bytes = [];
    for (var i = 0; i < clean.length; i++) {
      var index = ALPHABET.indexOf(clean[i]);
      if (index < 0) throw new Error('the TOTP secret is not base32');
      value = ((value << 5) | index) & 0xffff;
      bits += 5;
      if (bits >= 8) {
        bytes.push((value >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return bytes;
  }
  function words(bytes) {
    var CryptoJS = require('crypto-js');
    var list = [];
    for (var i = 0; i < bytes.length; i++) list[i >>> 2] |= bytes[i] << (24 - (i % 4) * 8);
    return CryptoJS.lib.WordArray.create(list, bytes.length);
  }
  /** RFC 6238: HMAC-SHA1 over the 30-second counter, 6 digits. */
  function totp(secret, now) {
    var CryptoJS = require('crypto-js');
    var counter = Math.floor(now / 30000);
    var high = Math.floor(counter / 4294967296);
    var low = counter >>> 0;
    var message = [high >>> 24, (high >>> 16) & 255, (high >>> 8) & 255, high & 255,
      low >>> 24, (low >>> 16) & 255, (low >>> 8) & 255, low & 255];
    var hex = CryptoJS.HmacSHA1(words(message), words(base32(secret))).toString(CryptoJS.enc.Hex);
    var mac = [];
    for (var i = 0; i < hex.length; i += 2) mac.push(parseInt(hex.slice(i, i + 2), 16));
    var offset = mac[mac.length - 1] & 15;
    var code = (((mac[offset] & 127) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3]) % 1000000;
    return String(code).padStart(6, '0');
  }
  /** A code that is neither the current period's nor a neighbour's. */
  function wrongTotp(secret, now) {
    var valid = [-30000, 0, 30000].map(function (offset) { return totp(secret, now + offset); });
    var candidate = (Number(totp(secret, now)) + 500000) % 1000000;
    while (valid.indexOf(String(candidate).padStart(6, '0')) >= 0) candidate = (candidate + 1) % 1000000;
    return String(candidate).padStart(6, '0');
  }
  /** The JWT with one character in the middle of its signature changed. */
  function tamper(token) {
    var parts = String(token).split('.');
    if (parts.length !== 3 || !parts[2]) throw new Error('the token is not a JWS compact serialization');
    var signature = parts[2];
    var at = Math.floor(signature.length / 2);
    var changed = signature[at] === 'A' ? 'B' : 'A';
    return [parts[0], parts[1], signature.slice(0, at) + changed + signature.slice(at + 1)].join('.');
  }
  function text(name) {
    var value = lookup(name);
    if (typeof value !== 'string') throw new Error('{{' + name + '}} has no value');
    return value;
  }

  var validators = {};
  function validator(id) {
    if (!validators[id]) {
      var Ajv = require('ajv');
      var ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', logger: false });
      var schemas = JSON.parse(pm.collectionVariables.get('idflowSchemas'));
      Object.keys(schemas).forEach(function (key) {
        ajv.addSchema(schemas[key]);
      });
      validators[id] = ajv.getSchema(id);
    }
    return validators[id];
  }

  return {
    pointer: pointer,
    render: render,
    totp: totp,
    wrongTotp: wrongTotp,
    tamper: tamper,

    /**
     * Stops the run before its first request when the environment, the globals or a data file
     * give one of the run's own variables a value: Postman sends theirs ahead of the run's, so the
     * run would write to, and its teardown delete, what that value names. Names only: never values.
     */
    ownsVariables: function (names) {
      var scopes = [['environment', pm.environment], ['globals', pm.globals], ['data file', pm.iterationData]];
      var shadowed = [];
      var where = [];
      names.forEach(function (name) {
        scopes.forEach(function (scope) {
          if (scope[1] && scope[1].has(name) && present(scope[1].get(name))) {
            if (shadowed.indexOf(name) < 0) shadowed.push(name);
            if (where.indexOf(scope[0]) < 0) where.push(scope[0]);
          }
        });
      });
      if (shadowed.length === 0) return true;
      var message =
        'stopped before the first request: your Postman ' + where.join(' and ') + (where.length > 1 ? ' set ' : ' sets ') + shadowed.join(', ') +
        ', which this collection\'s run sets itself. Postman would send that value instead of the run\'s, so the ' +
        'run would write to, and its teardown delete, what it names. Remove ' + shadowed.join(', ') + ' there ' +
        '(or leave it empty), or choose another environment, then run again.';
      pm.test('the run owns its variables', function () { throw new Error(message); });
      // Every later request skips itself on this mark (see needs): a skipped request cannot end the run.
      pm.collectionVariables.set('idflowStopped', 'the run does not own ' + shadowed.join(', '));
      return false;
    },
    /**
     * Sends the guard's read just before a teardown DELETE: unless every pointer of its answer
     * equals its template, the DELETE is not sent and the test "delete only what the run created"
     * fails saying what was found (a 404: already gone, the DELETE is skipped quietly).
     */
    deleteOnlyIf: function (read, equals, why) {
      var headers = {};
      Object.keys(read.headers).forEach(function (name) { headers[name] = render(read.headers[name]); });
      pm.sendRequest({ url: render(read.url), method: read.method, header: headers }, function (error, response) {
        if (!error && response.code === 404) {
          console.log('skipped: already gone');
          pm.execution.skipRequest();
          return;
        }
        var json;
        try { json = response.json(); } catch (ignored) { json = undefined; }
        var wrong = error
          ? ['the read before it failed (' + error.message + ')']
          : response.code !== 200
            ? ['the read before it answered ' + response.code]
            : Object.keys(equals).filter(function (path) { return !equal(pointer(json, path), render(equals[path])); })
                .map(function (path) { return path + ' is ' + describe(pointer(json, path)) + ', not ' + describe(render(equals[path])); });
        if (wrong.length === 0) return;
        pm.test('delete only what the run created', function () {
          throw new Error('not deleted: ' + wrong.join('; ') + ' (' + why + ')');
        });
        pm.execution.skipRequest();
      });
    },
    /**
     * A step that settles (idflow's settle policy): while the answer is the documented lag's (one
     * of its statuses with one of its vendor codes: nothing was processed) and the deadline leaves
     * room, waits and sends the same request again, skipping this answer's tests; then the last
     * answer is tested as usual, so a lasting lag fails with its status.
     */
    settling: function (policy) {
      var key = 'idflowSettle';
      var state = JSON.parse(pm.collectionVariables.get(key) || 'null');
      if (!state || state.request !== pm.info.requestId) state = { request: pm.info.requestId, since: Date.now(), asks: 0 };
      var json = body();
      var code = json && typeof json === 'object' ? json.code : undefined;
      var lag = policy.statuses.indexOf(pm.response.code) >= 0 && policy.codes.indexOf(code) >= 0;
      var wait = Math.min(policy.maxIntervalMs, Math.round(policy.intervalMs * Math.pow(policy.growth, state.asks)));
      if (!lag || Date.now() + wait - state.since > policy.deadlineMs) {
        pm.collectionVariables.unset(key);
        return false;
      }
      state.asks += 1;
      pm.collectionVariables.set(key, JSON.stringify(state));
      console.log('settling: the new ' + policy.subject + ' answered ' + pm.response.code + ' ' + code + '; asking again in ' + wait + ' ms (' + policy.why + ')');
      setTimeout(function () {}, wait);
      if (typeof pm.execution.setNextRequest === 'function') pm.execution.setNextRequest(pm.info.requestId);
      else postman.setNextRequest(pm.info.requestId);
      return true;
    },
    /**
     * Skips the request when a variable it needs has no value: what idflow reports as skipped; and,
     * silently, every request of a run that stopped before its first (see ownsVariables).
     */
    needs: function (names, why) {
      if (present(pm.collectionVariables.get('idflowStopped'))) {
        pm.execution.skipRequest();
        return false;
      }
      var missing = names.filter(function (name) { return !present(lookup(name)); });
      if (missing.length === 0) return true;
      console.log('skipped: ' + (why || 'needs ' + missing.join(', ') + ', which an earlier request did not set'));
      pm.execution.skipRequest();
      return false;
    },
    /**
     * An expired token cannot be forged: waits until the token recorded in expiresAtName has
     * expired when it lives at most maxSeconds, else skips the request saying why.
     */
    expired: function (expiresInName, expiresAtName, maxSeconds, why) {
      if (!(Number(lookup(expiresInName)) <= maxSeconds)) {
        console.log('skipped: ' + why);
        pm.execution.skipRequest();
        return false;
      }
      setTimeout(function () {}, Math.max(0, Number(lookup(expiresAtName)) + 1000 - Date.now()));
      return true;
    },
    /** Records when the token just issued expires (expires_in seconds from now). */
    expiresAt: function (expiresInName, expiresAtName) {
      pm.collectionVariables.set(expiresAtName, Date.now() + 1000 * Number(lookup(expiresInName)));
    },
    /** Sets a run variable for the rest of the run; an empty environment value would shadow it. */
    keep: function (name, value) {
      pm.collectionVariables.set(name, value);
      if (pm.environment.has(name) && !present(pm.environment.get(name))) pm.environment.unset(name);
    },
    /** Sets a value only this request uses (a TOTP code, a tampered token). */
    compute: function (name, kind, input, extra) {
      var now = Date.now();
      var value;
      if (kind === 'totp') value = totp(text(input), now);
      else if (kind === 'wrongTotp') value = wrongTotp(text(input), now);
      else if (kind === 'tamperedSignature') value = tamper(text(input));
      else if (kind === 'replaced') value = text(input).replace(new RegExp(extra.source, extra.flags), extra.replacement);
      else throw new Error('unknown computed value ' + kind);
      pm.variables.set(name, value);
    },

    status: function (expected) {
      if (pm.response.code !== expected) fail(String(expected), String(pm.response.code));
    },
    /** One of the statuses that mean done (a delete: 204, or 404 when already gone). */
    statusIn: function (statuses) {
      if (statuses.indexOf(pm.response.code) < 0) fail(statuses.join(' or '), String(pm.response.code));
    },
    refused: function () {
      if (pm.response.code < 400) fail('a 4xx refusal', String(pm.response.code));
    },
    contentType: function (source, flags) {
      var given = header('Content-Type') || '';
      if (!new RegExp(source, flags).test(given)) fail('matches /' + source + '/' + flags, given || 'missing');
    },
    header: function (name, source, flags) {
      var given = header(name);
      if (given === undefined || !new RegExp(source, flags).test(given)) fail('matches /' + source + '/' + flags, describe(given));
    },
    schema: function (id) {
      var json = body();
      if (json === undefined) fail('a JSON body', pm.response.text() ? 'a body that is not JSON' : 'no body');
      var validate = validator(id);
      if (!validate(json)) {
        var problems = validate.errors.slice(0, 5).map(function (error) {
          return (error.dataPath || '(root)') + ' ' + error.message;
        });
        fail('valid against ' + id, problems.join('; '));
      }
    },

    equals: function (path, template) {
      var expected = render(template);
      var given = pointer(body(), path);
      if (!equal(given, expected)) fail(describe(expected), describe(given));
    },
    present: function (path) {
      var given = pointer(body(), path);
      if (given === undefined || given === null) fail('present', describe(given));
    },
    absent: function (path) {
      var given = pointer(body(), path);
      if (given !== undefined) fail('absent', describe(given));
    },
    matches: function (path, source, flags) {
      var given = pointer(body(), path);
      if (typeof given !== 'string' || !new RegExp(source, flags).test(given)) fail('matches /' + source + '/' + flags, describe(given));
    },
    listContains: function (path, where) {
      var list = pointer(body(), path);
      var items = Array.isArray(list) ? list : [];
      var wanted = render(where);
      var found = items.some(function (item) {
        return Object.keys(wanted).every(function (key) { return equal(pointer(item, key), wanted[key]); });
      });
      if (!found) fail('an item with ' + describe(wanted), Array.isArray(list) ? items.length + ' item(s), none matching' : describe(list));
    },
    atLeast: function (path, minimum) {
      var given = pointer(body(), path);
      var size = Array.isArray(given) ? given.length : typeof given === 'number' ? given : NaN;
      if (!(size >= minimum)) fail('at least ' + minimum, describe(Array.isArray(given) ? size : given));
    },
    headerEqualsBody: function (name, path) {
      var expected = pointer(body(), path);
      var given = header(name);
      if (given === undefined || given !== expected) fail(name + ' = ' + describe(expected) + ' (' + path + ')', describe(given));
    },

    /** Takes a value a later request needs; fails when it is not there. */
    capture: function (spec) {
      if (spec.keepExisting && present(lookup(spec.variable))) return;
      var json = body();
      var value;
      if (spec.select) {
        var list = pointer(json, spec.select.list);
        var item = Array.isArray(list)
          ? list.find(function (candidate) {
              return Object.keys(spec.select.where).every(function (key) { return pointer(candidate, key) === spec.select.where[key]; });
            })
          : undefined;
        value = item === undefined ? undefined : pointer(item, spec.pointer);
      } else value = pointer(json, spec.pointer);
      if (value === undefined || value === null) {
        if (spec.optional) return;
        fail('a value at ' + spec.pointer, 'missing');
      }
      if (spec.id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(value)))
        fail('a UUID at ' + spec.pointer + ' (an id later URLs carry)', spec.secret ? '[captured]' : describe(value));
      this.keep(spec.variable, value);
    },
  };
})
`.trim();
