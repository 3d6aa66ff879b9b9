from artist_cv import *
mn,rows2=load('jamendo-musicnn',250)
assert [r[1] for r in rows2]==tracks
MB=np.load('MB3w3.npy')
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,X,l2s=(0.01,0.1)):
    for l2 in l2s: print(name,l2,fmt(cv(X,y,l2)),flush=True)
rep('emb+mn_e+MB',np.hstack([emb,mn[:,:200],MB]))
rep('mn_e+MB',np.hstack([mn[:,:200],MB]))
rep('emb+mn_e',np.hstack([emb,mn[:,:200]]))
rep('crnn_e+mn_e+MB',np.hstack([blocks['crnn_e'],mn[:,:200],MB]))
