import type { RecordFormat } from '../../../../shared/config';
import type { Decoder } from '../decoded-entity';
import { decodeCot } from './cot';

export const decoders: Readonly<Record<RecordFormat, Decoder>> = {
  cot: decodeCot,
};
