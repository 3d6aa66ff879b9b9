from artist_cv import *
from onsets import *
from tempogram import ftempo
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,R,l2s=(0.01,0.1)):
    for l2 in l2s:
        print(name,l2,'only',fmt(cv(R,y,l2)),'| emb+',fmt(cv(np.hstack([emb,R]),y,l2)),flush=True)
def mb(bands,**kw): return np.array([np.concatenate([ftempo(detr(onset(m,slice(a,b))),**kw) for a,b in bands]) for m in mels])
B3=((0,24),(24,60),(60,96)); B2=((0,32),(32,96)); B4=((0,16),(16,40),(40,64),(64,96))
R=mb(B3,wl=3,hs=1,norm='local'); np.save('MB3w3.npy',R); rep('3band w3',R)
rep('2band w4',mb(B2,wl=4,hs=1,norm='local'))
rep('4band w4',mb(B4,wl=4,hs=1,norm='local'))
rep('3band w4 L32',mb(B3,wl=4,hs=1,norm='local',L=32))
