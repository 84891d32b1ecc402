/** The longest gift message, in characters: checked by the checkout schema, counted in the forms. */
export const GIFT_MESSAGE_MAX = 50;
