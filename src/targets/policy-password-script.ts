import type { PasswordRecipe } from './policy-password.ts';

/**
 * Postman sandbox JavaScript for {@link generatePassword}: an expression whose value is a password
 * of `recipe.length` pairwise distinct characters holding one of each alphabet at least, drawn
 * with crypto-js's random words (the sandbox's CSPRNG), rejection-sampled so each pick is fair.
 */
export function passwordExpression(recipe: PasswordRecipe): string {
  const alphabets = JSON.stringify(recipe.alphabets);
  return `(function () {
  var alphabets = ${alphabets};
  var pool = Array.from(new Set(alphabets.join('').split('')));
  var bytes = [];
  function randomInt(max) {
    for (;;) {
      if (bytes.length === 0) {
        var random = require('crypto-js').lib.WordArray.random(64);
        for (var i = 0; i < random.sigBytes; i++) bytes.push((random.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 255);
      }
      var byte = bytes.pop();
      if (byte < 256 - (256 % max)) return byte % max;
    }
  }
  for (;;) {
    for (var i = 0; i < ${recipe.length}; i++) {
      var j = i + randomInt(pool.length - i);
      var swap = pool[i]; pool[i] = pool[j]; pool[j] = swap;
    }
    var password = pool.slice(0, ${recipe.length}).join('');
    var complete = alphabets.every(function (alphabet) {
      return password.split('').some(function (char) { return alphabet.indexOf(char) >= 0; });
    });
    if (complete) return password;
  }
})()`;
}
