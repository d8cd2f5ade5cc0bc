/** The seed makes and reads identity codes with the app's own implementation (app/modules/clients/identity-code.ts). */
export {
  identityCodeCheckCharacter,
  identityCodeDateOfBirth,
  isValidIdentityCode,
  makeIdentityCode,
} from '../../app/modules/clients/identity-code'
