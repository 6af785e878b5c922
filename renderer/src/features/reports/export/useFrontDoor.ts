import type { FrontDoor } from '@shared/app.schema';
import { useCall } from '../../../lib/useCall';

/**
 * Which front door this window came through. Only the desktop app has native file dialogs; browser
 * mode downloads exports and picks files with the browser's own input. Undefined while asking.
 */
export function useFrontDoor(): FrontDoor | undefined {
  return useCall('app.info', {}).data?.frontDoor;
}
